using Spectre.Console;
using Spectre.Console.Rendering;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders <c>spinel events</c>: one row per event, oldest first, with what it concerns as rladmin names it.</summary>
internal static class EventRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<EventInfo> events)
    {
        if (events.Count == 0)
        {
            console.WriteLine("No events.");
            return;
        }
        var table = Tables.Create("TIME", "SEVERITY", "TYPE", "OBJECT", "DESCRIPTION");
        foreach (var e in events)
        {
            table.AddRow(Tables.Cell(e.Time), Severity(e.Severity), Tables.Cell(e.Type), Tables.Cell(ObjectOf(e)), Tables.Cell(e.Description));
        }
        console.Write(table);
    }

    private static string? ObjectOf(EventInfo e)
    {
        var names = new List<string>();
        if (e.BdbUid is not null)
        {
            names.Add($"db:{e.BdbUid}");
        }
        if (e.ShardUid is not null)
        {
            names.Add($"redis:{e.ShardUid}");
        }
        if (e.NodeUid is not null)
        {
            names.Add($"node:{e.NodeUid}");
        }
        return names.Count == 0 ? null : string.Join(' ', names);
    }

    private static IRenderable Severity(string? severity) => severity switch
    {
        "ERROR" => new Text(severity, new Style(Color.Red)),
        "WARNING" => new Text(severity, new Style(Color.Yellow)),
        _ => Tables.Cell(severity),
    };
}
