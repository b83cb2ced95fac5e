using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

/// <summary>The database options shared by <c>db create</c> and <c>db update</c>, with their validation.</summary>
internal static class DbOptionFactory
{
    public static readonly string[] EvictionPolicies =
    [
        "volatile-lru", "volatile-ttl", "volatile-random", "volatile-lfu", "volatile-lrm",
        "allkeys-lru", "allkeys-random", "allkeys-lfu", "allkeys-lrm", "noeviction",
    ];

    public static readonly string[] ProxyPolicies = ["single", "all-master-shards", "all-nodes"];

    public static readonly string[] Persistences = ["disabled", "aof", "snapshot"];

    public static readonly string[] AofPolicies = ["appendfsync-every-sec", "appendfsync-always"];

    /// <summary>A snapshot_policy from <c>secs:writes[,secs:writes...]</c>, e.g. <c>3600:1,300:100</c>.</summary>
    public static JsonArray SnapshotPolicy(string value)
    {
        var rules = new JsonArray();
        foreach (var rule in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = rule.Split(':');
            if (parts.Length != 2 ||
                !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var secs) || secs < 1 ||
                !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var writes) || writes < 1)
            {
                throw new UsageException($"snapshot policy '{value}' must be secs:writes pairs, e.g. 3600:1 or 3600:1,300:100");
            }
            rules.Add(new JsonObject { ["secs"] = secs, ["writes"] = writes });
        }
        return rules.Count > 0 ? rules : throw new UsageException("the snapshot policy has no rule; give secs:writes pairs, e.g. 3600:1");
    }

    public static Option<long?> Memory(bool required) => new("--memory")
    {
        Description = "Memory limit of the database incl. replicas (memory_size): bytes or 1g, 512m, 100mb ...",
        HelpName = "size",
        Required = required,
        CustomParser = ParseMemory,
    };

    public static Option<int?> Shards()
    {
        var option = new Option<int?>("--shards") { Description = "Number of master shards (shards_count), 1-512", HelpName = "n" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } n && n is < 1 or > 512)
            {
                r.AddError("--shards must be between 1 and 512");
            }
        });
        return option;
    }

    public static Option<int?> Port()
    {
        var option = new Option<int?>("--port") { Description = "Endpoint port (default: assigned by the cluster)", HelpName = "port" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } port && port is < 1 or > 65535)
            {
                r.AddError("--port must be between 1 and 65535");
            }
        });
        return option;
    }

    /// <summary>Named --db-password because the global --password authenticates to the REST API.</summary>
    public static Option<string?> DbPassword() => new("--db-password")
    {
        Description = "Password of the database's default user (authentication_redis_pass)",
        HelpName = "password",
    };

    public static Option<string?> EvictionPolicy()
    {
        var option = new Option<string?>("--eviction-policy") { Description = "eviction_policy", HelpName = "policy" };
        option.AcceptOnlyFromAmong(EvictionPolicies);
        return option;
    }

    public static Option<string?> ProxyPolicy()
    {
        var option = new Option<string?>("--proxy-policy") { Description = "Which nodes' proxies serve the endpoint (proxy_policy)", HelpName = "policy" };
        option.AcceptOnlyFromAmong(ProxyPolicies);
        return option;
    }

    /// <summary>Repeatable: <c>--shard-key-regex 'user:(?&lt;tag&gt;[0-9]+):.*' --shard-key-regex '(?&lt;tag&gt;.*)'</c>.</summary>
    public static Option<string[]> ShardKeyRegex() => new("--shard-key-regex")
    {
        Description = "A hashing rule (shard_key_regex): a regex over the whole key whose named group 'tag' is hashed; repeat for more rules, tried in order; implies sharding",
        HelpName = "regex",
    };

    public static Option<bool> NoWait() => new("--no-wait")
    {
        Description = "Return once the cluster accepted the change, without waiting for it to finish",
    };

    private static long? ParseMemory(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (MemorySize.TryParse(text, out var bytes))
        {
            return bytes;
        }
        result.AddError($"Invalid memory size '{text}': give bytes or a number with a unit, e.g. 1g, 512m, 100mb");
        return null;
    }
}
