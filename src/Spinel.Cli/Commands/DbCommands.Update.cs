using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

internal static partial class DbCommands
{
    private static Command UpdateCommand(CliServices services)
    {
        var db = DbArgument();
        var settings = new Argument<string[]>("setting value")
        {
            Description = "Changes as pairs: shards <n>, memory <size>, replication <true|false>, slave_ha <enabled|disabled>, sharding <on|off>, port <port>, name <name>, eviction_policy <policy>, proxy_policy <policy>, oss_cluster <enabled|disabled>, data_persistence <disabled|aof|snapshot>, aof_policy <appendfsync-every-sec|appendfsync-always>, snapshot_policy <secs:writes,...>, master_persistence <true|false>, backup <true|false>, backup_interval <seconds|30m|4h|1d>, backup_interval_offset <seconds>, backup_location <absolute directory>, backup_history <days>, tls_mode <enabled|disabled>, default_user <true|false>",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var name = new Option<string?>("--name") { Description = "New database name" };
        var memory = DbOptionFactory.Memory(required: false);
        var shards = DbOptionFactory.Shards();
        var port = DbOptionFactory.Port();
        var replication = new Option<bool?>("--replication") { Description = "Add (true) or remove (false) replicas", HelpName = "true|false" };
        var password = DbOptionFactory.DbPassword();
        var eviction = DbOptionFactory.EvictionPolicy();
        var proxy = DbOptionFactory.ProxyPolicy();
        var rules = DbOptionFactory.ShardKeyRegex();
        var rolePermissions = new Option<string[]>("--role-permission")
        {
            Description = "Give a role's holders a Redis ACL at the endpoint (repeat for more; replaces the database's roles_permissions; 'none' removes them all)",
            HelpName = RolePermissions.HelpName,
            Arity = ArgumentArity.OneOrMore,
        };
        var noWait = DbOptionFactory.NoWait();

        var command = new Command("update", "Change a database (PUT /v1/bdbs/{uid}); e.g. 'db update cache shards 6' or 'db update cache --memory 2g'")
        {
            db, settings, name, memory, shards, port, replication, password, eviction, proxy, rules, rolePermissions, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var changes = ParseSettings(context.GetValue(settings) ?? []);
            SetIfGiven(changes, "name", context.GetValue(name));
            SetIfGiven(changes, "memory_size", context.GetValue(memory) is { } bytes ? bytes : null);
            SetIfGiven(changes, "shards_count", context.GetValue(shards) is { } count ? count : null);
            SetIfGiven(changes, "port", context.GetValue(port) is { } number ? number : null);
            SetIfGiven(changes, "replication", context.GetValue(replication) is { } replicas ? replicas : null);
            SetIfGiven(changes, "authentication_redis_pass", context.GetValue(password));
            SetIfGiven(changes, "eviction_policy", context.GetValue(eviction));
            SetIfGiven(changes, "proxy_policy", context.GetValue(proxy));
            if (context.GetValue(rules) is { Length: > 0 } shardKeyRegex)
            {
                changes["shard_key_regex"] = RuleArray(shardKeyRegex);
                changes["sharding"] ??= true;
            }
            var permissions = context.GetValue(rolePermissions) ?? [];
            if (changes.Count == 0 && permissions.Length == 0)
            {
                throw new UsageException("nothing to change: give options such as --memory 2g, or pairs such as 'shards 6'");
            }
            if (permissions.Length > 0)
            {
                changes["roles_permissions"] = await RolePermissions.ResolveAsync(context.Api, permissions, ct).ConfigureAwait(false);
            }

            var bdb = await DbResolver.ResolveAsync(context.Api, context.GetValue(db)!, ct).ConfigureAwait(false);
            if (changes["shards_count"]?.GetValue<int>() > 1 && bdb.Sharding == false && !changes.ContainsKey("sharding"))
            {
                AddSharding(changes, []);
            }

            var result = await context.Api.UpdateBdbAsync(bdb.Uid!, changes, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            // An empty answer says nothing of the change's progress: follow the database until it is active again.
            var answer = result.Value ?? bdb with { Status = null, ActionUid = null };
            answer = answer with { Uid = answer.Uid ?? bdb.Uid, Name = answer.Name ?? bdb.Name };
            await FinishChangeAsync(context, answer, context.GetValue(noWait), ("update", "updated"), ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Turns <c>shards 6 memory 2g</c> into REST fields.</summary>
    /// <exception cref="UsageException">An odd count, an unknown setting or a bad value.</exception>
    private static JsonObject ParseSettings(string[] words)
    {
        if (words.Length % 2 != 0)
        {
            throw new UsageException($"setting '{words[^1]}' has no value (give pairs such as 'shards 6')");
        }
        var changes = new JsonObject();
        for (var i = 0; i < words.Length; i += 2)
        {
            var (setting, value) = (words[i].ToLowerInvariant().Replace('-', '_'), words[i + 1]);
            changes[FieldOf(setting)] = setting switch
            {
                "shards" or "shards_count" => ParseInt(value, 1, 512, "shards"),
                "port" => ParseInt(value, 1, 65535, "port"),
                "memory" or "memory_size" => MemorySize.TryParse(value, out var bytes)
                    ? bytes
                    : throw new UsageException($"Invalid memory size '{value}': give bytes or a number with a unit, e.g. 1g, 512m, 100mb"),
                "replication" => ParseBool(value, "replication"),
                "slave_ha" => ParseBool(value, "slave_ha"),
                "sharding" => ParseBool(value, "sharding"),
                "oss_cluster" => ParseBool(value, "oss_cluster"),
                "master_persistence" => ParseBool(value, "master_persistence"),
                "data_persistence" => OneOf(value, DbOptionFactory.Persistences, setting),
                "aof_policy" => OneOf(value, DbOptionFactory.AofPolicies, setting),
                "snapshot_policy" => DbOptionFactory.SnapshotPolicy(value),
                "backup" => ParseBool(value, "backup"),
                "backup_interval" => ParseDuration(value, setting),
                "backup_interval_offset" => ParseDuration(value, setting),
                "backup_history" => ParseInt(value, 0, 36500, setting),
                "backup_location" => MountPoint(value, setting),
                "tls_mode" => OneOf(value, ["enabled", "disabled"], setting),
                "default_user" => ParseBool(value, setting),
                "eviction_policy" => OneOf(value, DbOptionFactory.EvictionPolicies, setting),
                "proxy_policy" => OneOf(value, DbOptionFactory.ProxyPolicies, setting),
                _ => value,
            };
        }
        return changes;
    }

    private static string FieldOf(string setting) => setting switch
    {
        "shards" or "shards_count" => "shards_count",
        "memory" or "memory_size" => "memory_size",
        "replication" or "slave_ha" or "sharding" or "port" or "name" or "eviction_policy" or "proxy_policy" or "oss_cluster"
            or "data_persistence" or "aof_policy" or "snapshot_policy" or "master_persistence"
            or "backup" or "backup_interval" or "backup_interval_offset" or "backup_location" or "backup_history" or "tls_mode" or "default_user" => setting,
        _ => throw new UsageException($"unknown setting '{setting}' (known: shards, memory, replication, slave_ha, sharding, port, name, eviction_policy, proxy_policy, oss_cluster, data_persistence, aof_policy, snapshot_policy, master_persistence, backup, backup_interval, backup_interval_offset, backup_location, backup_history, tls_mode, default_user)"),
    };

    private static JsonNode ParseInt(string value, int min, int max, string setting) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"{setting} must be a number from {min} to {max}, not '{value}'");

    /// <summary>Seconds, or a number with a unit: <c>90</c>, <c>30m</c>, <c>4h</c>, <c>1d</c>.</summary>
    private static JsonNode ParseDuration(string value, string setting)
    {
        var (digits, unit) = value.Length > 0 && char.IsAsciiLetter(value[^1]) ? (value[..^1], char.ToLowerInvariant(value[^1])) : (value, 's');
        long? factor = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => null };
        if (factor is null || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count * factor > int.MaxValue)
        {
            throw new UsageException($"{setting} must be seconds or a number with a unit (s, m, h, d), e.g. 3600 or 4h, not '{value}'");
        }
        return (int)(count * factor.Value);
    }

    private static JsonNode MountPoint(string value, string setting) =>
        Path.IsPathFullyQualified(value)
            ? new JsonObject { ["type"] = "mount_point", ["path"] = value }
            : throw new UsageException($"{setting} must be an absolute directory, not '{value}'");

    private static JsonNode ParseBool(string value, string setting) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "enabled" => true,
        "false" or "no" or "off" or "disabled" => false,
        _ => throw new UsageException($"{setting} must be true or false, not '{value}'"),
    };

    private static JsonNode OneOf(string value, string[] allowed, string setting) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"{setting} must be one of {string.Join(", ", allowed)}, not '{value}'");

    private static void SetIfGiven(JsonObject body, string field, JsonNode? value)
    {
        if (value is not null)
        {
            body[field] = value;
        }
    }
}
