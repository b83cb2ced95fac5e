using System.CommandLine;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

internal static partial class DbCommands
{
    /// <summary><c>spinel db export &lt;db&gt; --path DIR</c> over <c>POST /v1/bdbs/{uid}/actions/export</c>.</summary>
    private static Command ExportCommand(CliServices services)
    {
        var db = DbArgument();
        var path = new Option<string>("--path")
        {
            Description = "Directory (absolute, on the nodes' disks: a mount every node shares) for one RDB file per master shard",
            Required = true,
            HelpName = "dir",
        };
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("export", "Write the database's data as RDB files, one per master shard") { db, path, noWait };
        CliAction.Set(command, services, (context, ct) => TransferAsync(context, context.GetValue(db)!, "export", "Exporting", "exported",
            new JsonObject { ["export_location"] = Location(context.GetValue(path)!) }, context.GetValue(noWait), ct));
        return command;
    }

    /// <summary><c>spinel db import &lt;db&gt; --file F [--file F2 ...]</c> over <c>POST /v1/bdbs/{uid}/actions/import</c>.</summary>
    private static Command ImportCommand(CliServices services)
    {
        var db = DbArgument();
        var files = new Option<string[]>("--file")
        {
            Description = "RDB file (absolute path on the nodes' disks), repeatable: files of any shard count, or a plain redis-server's dump.rdb",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "rdb",
        };
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("import", "Replace the database's data with the keys of RDB files, each into the shard of its slot") { db, files, noWait };
        CliAction.Set(command, services, (context, ct) => TransferAsync(context, context.GetValue(db)!, "import", "Importing into", "imported",
            new JsonObject { ["dataset_import_sources"] = new JsonArray([.. context.GetValue(files)!.Select(f => (JsonNode)Location(f))]) },
            context.GetValue(noWait), ct));
        return command;
    }

    /// <summary><c>spinel db recover &lt;db&gt;</c> over <c>POST /v1/bdbs/{uid}/actions/recover</c>.</summary>
    private static Command RecoverCommand(CliServices services)
    {
        var db = DbArgument();
        var command = new Command("recover",
            "Place again, on live nodes, every master shard of the database that has no copy left on one (after 'cluster recover'); they start from that node's files, else empty")
        {
            db,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var bdb = await DbResolver.ResolveAsync(context.Api, context.GetValue(db)!, ct).ConfigureAwait(false);
            var result = await context.Api.TransferBdbAsync(bdb.Uid!, "recover", new JsonObject(), ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            context.Success($"database '{bdb.Name}' (db:{bdb.Uid}): {result.Value?.Description ?? "recovered"}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject Location(string path) =>
        Path.IsPathFullyQualified(path)
            ? new JsonObject { ["type"] = "mount_point", ["path"] = path }
            : throw new UsageException($"'{path}' is not an absolute path; the nodes resolve it on their own disks");

    private static async Task<int> TransferAsync(CliContext context, string dbName, string action, string verb, string done, JsonObject request,
        bool noWait, CancellationToken ct)
    {
        var bdb = await DbResolver.ResolveAsync(context.Api, dbName, ct).ConfigureAwait(false);
        var accepted = await context.Api.TransferBdbAsync(bdb.Uid!, action, request, ct).ConfigureAwait(false);
        var label = $"database '{bdb.Name}' (db:{bdb.Uid})";
        if (await ActionFollower.FollowAsync(context, accepted, $"{verb} {label}", noWait, ct).ConfigureAwait(false))
        {
            context.Success($"{label} {done}");
        }
        return ExitCodes.Success;
    }
}
