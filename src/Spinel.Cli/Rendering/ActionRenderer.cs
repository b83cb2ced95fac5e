using System.Globalization;
using Spectre.Console;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders the <c>action list</c> table: state machines and tasks together.</summary>
internal static class ActionRenderer
{
    public static void RenderList(IAnsiConsole console, ActionList list)
    {
        var table = Tables.Create("ACTION_UID", "NAME", "OBJECT", "STATUS", "STATE", "PROGRESS", "ERROR");
        foreach (var action in (list.StateMachines ?? []).Concat(list.Actions ?? []))
        {
            var progress = action.Progress is { } p ? p.ToString("0", CultureInfo.InvariantCulture) + "%" : null;
            var error = action.ErrorCode is { } code ? $"{code}: {action.ErrorMessage ?? action.Error}" : action.Error ?? action.ErrorMessage;
            table.AddRow(action.ActionUid, action.Name, action.ObjectName ?? (action.NodeUid is { } n ? $"node:{n}" : null),
                action.Status, action.State, progress, error);
        }
        Tables.WriteSection(console, "ACTIONS", table);
    }
}
