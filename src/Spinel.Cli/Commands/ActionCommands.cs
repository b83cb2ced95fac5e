using System.CommandLine;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;
using Spinel.Cli.Waiting;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel action list|wait</c> over <c>/v1/actions</c>.</summary>
internal static class ActionCommands
{
    public static Command Create(CliServices services) => new("action", "Follow the cluster's long-running actions")
    {
        ListCommand(services),
        WaitCommand(services),
    };

    private static Command ListCommand(CliServices services)
    {
        var command = new Command("list", "List running and recent actions (tasks and state machines)");
        CliAction.Set(command, services, async (context, ct) =>
        {
            var result = await context.Api.GetActionsAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                ActionRenderer.RenderList(context.Out, result.Value ?? new());
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command WaitCommand(CliServices services)
    {
        var actionUid = new Argument<string>("action_uid") { Description = "The action_uid a request returned" };
        var command = new Command("wait", "Wait for an action to finish, showing its progress; fails when the action fails") { actionUid };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var uid = context.GetValue(actionUid)!;
            var result = await ActionWaiter.WaitAsync(context.Api, context.Poller, uid, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            var action = result.Value;
            context.Success($"action {uid}{(action?.Name is { } name ? $" ({name}{(action.ObjectName is { } o ? " " + o : "")})" : "")} completed");
            return ExitCodes.Success;
        });
        return command;
    }
}
