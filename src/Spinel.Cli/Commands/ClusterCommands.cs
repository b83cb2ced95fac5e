using System.CommandLine;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;
using Spinel.Cli.Waiting;

namespace Spinel.Cli.Commands;

/// <summary>
/// <c>spinel cluster create|join|recover</c> over <c>/v1/bootstrap</c>. The admin's password is the global --password
/// (or SPINEL_PASSWORD): it is both the new credential and the one the CLI then authenticates with.
/// </summary>
internal static class ClusterCommands
{
    public static Command Create(CliServices services) => new("cluster", "Create a cluster on this node, join this node to one, or recover one")
    {
        CreateCommand(services),
        JoinCommand(services),
        RecoverCommand(services),
        CertificateCommands.Create(services),
    };

    private static Option<string?> Username() => new("--username") { Description = "Cluster admin user (default: --user / SPINEL_USER)" };

    private static Option<string?> RackId() => new("--rack-id") { Description = "Rack or zone of this node (node.identity.rack_id)" };

    private static Command CreateCommand(CliServices services)
    {
        var name = new Option<string>("--name") { Description = "Cluster FQDN, e.g. cluster.example.com; immutable", HelpName = "fqdn", Required = true };
        var username = Username();
        var rackAware = new Option<bool>("--rack-aware") { Description = "Place a master and its replica in different racks" };
        var rackId = RackId();
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("create", "Create a new cluster on the node at --url (POST /v1/bootstrap/create_cluster)")
        {
            name, username, rackAware, rackId, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var credentials = Credentials(context, context.GetValue(username));
            var body = new JsonObject
            {
                ["action"] = "create_cluster",
                ["cluster"] = new JsonObject { ["name"] = context.GetValue(name) },
                ["credentials"] = credentials,
            };
            if (context.GetValue(rackAware))
            {
                body["policy"] = new JsonObject { ["rack_aware"] = true };
            }
            AddIdentity(body, context.GetValue(rackId));
            if (!await BootstrapAsync(context, "create_cluster", body, $"Creating cluster {context.GetValue(name)}", context.GetValue(noWait), ct).ConfigureAwait(false))
            {
                return ExitCodes.Success;
            }
            context.Success($"cluster {context.GetValue(name)} created; admin user {context.Settings.User}");
            context.Info($"Next: spinel status --url {context.Settings.Url} --user {context.Settings.User} --password ...");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command JoinCommand(CliServices services)
    {
        var nodes = new Option<string[]>("--nodes")
        {
            Description = "Address of a node already in the cluster (more than one may be given)",
            HelpName = "addr",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var username = Username();
        var rackId = RackId();
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("join", "Join the node at --url to an existing cluster (POST /v1/bootstrap/join_cluster)")
        {
            nodes, username, rackId, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var addresses = context.GetValue(nodes) ?? [];
            var body = new JsonObject
            {
                ["action"] = "join_cluster",
                ["cluster"] = new JsonObject { ["nodes"] = new JsonArray(addresses.Select(a => (JsonNode?)a).ToArray()) },
                ["credentials"] = Credentials(context, context.GetValue(username)),
            };
            AddIdentity(body, context.GetValue(rackId));
            if (!await BootstrapAsync(context, "join_cluster", body, $"Joining the cluster of {string.Join(", ", addresses)}", context.GetValue(noWait), ct).ConfigureAwait(false))
            {
                return ExitCodes.Success;
            }
            context.Success($"node at {context.Settings.Url.Host} joined the cluster of {string.Join(", ", addresses)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RecoverCommand(CliServices services)
    {
        var file = new Option<string>("--file")
        {
            Description = "The cluster store file to rebuild from: <data dir>/ccs/cluster-store.json of a node of the lost cluster, as a path on the node at --url",
            HelpName = "path",
            Required = true,
        };
        var nodeUid = new Option<int?>("--node-uid") { Description = "The saved node this node becomes (default: the one with this node's address)", HelpName = "uid" };
        var username = Username();
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("recover",
            "Rebuild a cluster whose majority is lost for good, from a saved cluster store file, on the fresh node at --url (POST /v1/bootstrap/recover_cluster)")
        {
            file, nodeUid, username, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var path = context.GetValue(file)!;
            if (!Path.IsPathFullyQualified(path))
            {
                throw new UsageException($"--file must be an absolute path on the node, not '{path}'");
            }
            var body = new JsonObject
            {
                ["action"] = "recover_cluster",
                ["recovery_filename"] = path,
                ["credentials"] = Credentials(context, context.GetValue(username)),
            };
            if (context.GetValue(nodeUid) is { } uid)
            {
                body["node"] = new JsonObject { ["identity"] = new JsonObject { ["uid"] = uid } };
            }
            if (!await BootstrapAsync(context, "recover_cluster", body, $"Recovering the cluster from {path}", context.GetValue(noWait), ct).ConfigureAwait(false))
            {
                return ExitCodes.Success;
            }
            context.Success($"cluster recovered on {context.Settings.Url.Host}; the other nodes are down until they join again or are removed");
            context.Info("Next: spinel status, then 'spinel db recover <db>' for each database that lost shards, and 'spinel cluster join' new nodes");
            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject Credentials(CliContext context, string? username)
    {
        var user = username ?? context.Settings.User
            ?? throw new UsageException("--username is required (the cluster admin user)");
        var password = context.Settings.Password is { Length: > 0 } p ? p
            : throw new UsageException("--password is required (the cluster admin's password)");
        context.UseCredentials(user, password);
        return new JsonObject { ["username"] = user, ["password"] = password };
    }

    private static void AddIdentity(JsonObject body, string? rackId)
    {
        if (rackId is not null)
        {
            body["node"] = new JsonObject { ["identity"] = new JsonObject { ["rack_id"] = rackId } };
        }
    }

    /// <returns>Whether it waited until the bootstrap completed (false with --no-wait).</returns>
    private static async Task<bool> BootstrapAsync(CliContext context, string action, JsonObject body, string title, bool noWait, CancellationToken cancellationToken)
    {
        var result = await context.Api.BootstrapAsync(action, body, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            context.WriteJson(result.Json);
        }
        if (noWait)
        {
            context.Info($"The node accepted {action}; follow it with: curl -k {context.Settings.Url.AbsoluteUri.TrimEnd('/')}/v1/bootstrap");
            return false;
        }
        await BootstrapWaiter.WaitAsync(context.Api, context.Poller, title, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
