using System.CommandLine;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;
using Spinel.Cli.Waiting;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel db create|update|delete|list|info|rebalance</c> over <c>/v1/bdbs</c>.</summary>
internal static partial class DbCommands
{
    public static Command Create(CliServices services) => new("db", "Create, change, delete and inspect databases")
    {
        CreateCommand(services),
        UpdateCommand(services),
        DeleteCommand(services),
        ListCommand(services),
        InfoCommand(services),
        RebalanceCommand(services),
        ExportCommand(services),
        RecoverCommand(services),
        ImportCommand(services),
    };

    private static Argument<string> DbArgument() => new("db") { Description = "Database uid (3 or db:3) or name" };

    private static Command ListCommand(CliServices services)
    {
        var command = new Command("list", "List the databases");
        CliAction.Set(command, services, async (context, ct) =>
        {
            var result = await context.Api.GetBdbsAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                BdbRenderer.RenderList(context.Out, result.Value ?? []);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command InfoCommand(CliServices services)
    {
        var db = DbArgument();
        var command = new Command("info", "Show one database") { db };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var bdb = await DbResolver.ResolveAsync(context.Api, context.GetValue(db)!, ct).ConfigureAwait(false);
            var result = await context.Api.GetBdbAsync(bdb.Uid!, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                BdbRenderer.RenderInfo(context.Out, result.Value ?? bdb);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DeleteCommand(CliServices services)
    {
        var db = DbArgument();
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("delete", "Delete a database and its data") { db, noWait };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var bdb = await DbResolver.ResolveAsync(context.Api, context.GetValue(db)!, ct).ConfigureAwait(false);
            var uid = bdb.Uid!;
            var result = await context.Api.DeleteBdbAsync(uid, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }

            var actionUid = result.Value?.ActionUid;
            if (context.GetValue(noWait))
            {
                context.Info(Accepted($"deletion of database '{bdb.Name}' (db:{uid})", actionUid));
                return ExitCodes.Success;
            }
            if (!await WaitForActionAsync(context, actionUid, ct).ConfigureAwait(false))
            {
                await BdbWaiter.WaitGoneAsync(context.Api, context.Poller, uid, ct).ConfigureAwait(false);
            }
            context.Success($"database '{bdb.Name}' (db:{uid}) deleted");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Accepted(string what, string? actionUid) => actionUid is null
        ? $"The cluster accepted the {what}."
        : $"The cluster accepted the {what}: action {actionUid} (follow it with: spinel action wait {actionUid})";
}
