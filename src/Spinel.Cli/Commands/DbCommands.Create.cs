using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using Spinel.Cli.Api;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

internal static partial class DbCommands
{
    private static Command CreateCommand(CliServices services)
    {
        var name = new Option<string>("--name") { Description = "Database name: letters, digits and hyphens", Required = true };
        var memory = DbOptionFactory.Memory(required: true);
        var shards = DbOptionFactory.Shards();
        var port = DbOptionFactory.Port();
        var replication = new Option<bool>("--replication") { Description = "Give every master shard a replica on another node" };
        var password = DbOptionFactory.DbPassword();
        var eviction = DbOptionFactory.EvictionPolicy();
        var proxy = DbOptionFactory.ProxyPolicy();
        var sharding = new Option<bool>("--sharding") { Description = "Hash keys over shards by shard_key_regex, the default rules unless given (implied by --shards above 1)" };
        var rules = DbOptionFactory.ShardKeyRegex();
        var placement = new Option<string?>("--placement") { Description = "Shard placement: dense (few nodes) or sparse (spread over nodes)", HelpName = "policy" };
        placement.AcceptOnlyFromAmong("dense", "sparse");
        var ossCluster = new Option<bool>("--oss-cluster")
        {
            Description = "Serve the OSS Cluster API (oss_cluster): cluster-aware clients connect to the proxy of each master's node; implies --proxy-policy all-master-shards unless given",
        };
        var persistence = new Option<string?>("--persistence") { Description = "data_persistence: disabled, aof or snapshot", HelpName = "policy" };
        persistence.AcceptOnlyFromAmong(DbOptionFactory.Persistences);
        var aofPolicy = new Option<string?>("--aof-policy") { Description = "aof_policy: appendfsync-every-sec (default) or appendfsync-always", HelpName = "policy" };
        aofPolicy.AcceptOnlyFromAmong(DbOptionFactory.AofPolicies);
        var snapshotPolicy = new Option<string?>("--snapshot-policy") { Description = "snapshot_policy as secs:writes pairs (default with --persistence snapshot: 3600:1)", HelpName = "secs:writes,..." };
        var noWait = DbOptionFactory.NoWait();

        var command = new Command("create", "Create a database (POST /v1/bdbs)")
        {
            name, memory, shards, port, replication, password, eviction, proxy, sharding, rules, placement, ossCluster, persistence, aofPolicy, snapshotPolicy, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var bdb = new JsonObject
            {
                ["name"] = context.GetValue(name),
                ["memory_size"] = context.GetValue(memory),
            };
            var shardCount = context.GetValue(shards);
            if (shardCount is { } n)
            {
                bdb["shards_count"] = n;
            }
            var shardKeyRegex = context.GetValue(rules) ?? [];
            if (context.GetValue(sharding) || shardCount > 1 || shardKeyRegex.Length > 0)
            {
                AddSharding(bdb, shardKeyRegex);
            }
            if (context.GetValue(port) is { } p)
            {
                bdb["port"] = p;
            }
            if (context.GetValue(replication))
            {
                bdb["replication"] = true;
            }
            AddIfGiven(bdb, "authentication_redis_pass", context.GetValue(password));
            AddIfGiven(bdb, "eviction_policy", context.GetValue(eviction));
            AddIfGiven(bdb, "proxy_policy", context.GetValue(proxy));
            if (context.GetValue(ossCluster))
            {
                bdb["oss_cluster"] = true;
                bdb["proxy_policy"] ??= "all-master-shards";
            }
            AddIfGiven(bdb, "shards_placement", context.GetValue(placement));
            AddIfGiven(bdb, "data_persistence", context.GetValue(persistence));
            AddIfGiven(bdb, "aof_policy", context.GetValue(aofPolicy));
            if (context.GetValue(snapshotPolicy) is { } snapshotRules)
            {
                bdb["snapshot_policy"] = DbOptionFactory.SnapshotPolicy(snapshotRules);
            }
            else if (context.GetValue(persistence) == "snapshot")
            {
                bdb["snapshot_policy"] = DbOptionFactory.SnapshotPolicy("3600:1");
            }

            var result = await context.Api.CreateBdbAsync(bdb, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            var answer = result.Value ?? throw new SpinelApiException(HttpStatusCode.OK, "unexpected_response", "POST /v1/bdbs answered with an empty body");
            await FinishChangeAsync(context, answer, context.GetValue(noWait), ("creation", "created"), ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Redis Enterprise requires hashing rules with <c>sharding: true</c>: the given ones, else its defaults (hash tag, else whole key).</summary>
    private static void AddSharding(JsonObject bdb, string[] rules)
    {
        bdb["sharding"] = true;
        bdb["shard_key_regex"] = RuleArray(rules.Length > 0 ? rules : [@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"]);
    }

    private static JsonArray RuleArray(string[] rules) => new([.. rules.Select(r => new JsonObject { ["regex"] = r })]);

    private static void AddIfGiven(JsonObject body, string field, string? value)
    {
        if (value is not null)
        {
            body[field] = value;
        }
    }
}
