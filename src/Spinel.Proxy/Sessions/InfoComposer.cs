using System.Globalization;
using System.Text;

namespace Spinel.Proxy.Sessions;

/// <summary>
/// Builds the endpoint's INFO from the shards' INFO texts: server and clients describe the proxy, counters and
/// sizes are summed over the shards, the keyspace is merged, and shard internals (pids, paths, ports) are hidden.
/// </summary>
internal static class InfoComposer
{
    public sealed record ProxyFacts(int Port, int Clients, int BlockedClients, int PubSubClients, long TotalConnections, long UptimeSeconds, string Version)
    {
        /// <summary>The endpoint's client limit, reported as <c>maxclients</c>; 0 keeps the shards' value.</summary>
        public int MaxClients { get; init; }

        /// <summary>True for an OSS Cluster API session: the endpoint then describes itself as a Redis Cluster node.</summary>
        public bool ClusterMode { get; init; }
    }

    private static readonly string[] Hidden = ["executable", "config_file", "run_id", "process_id", "process_supervised", "tcp_port", "server_time_usec", "master_replid", "master_replid2", "master_repl_offset", "second_repl_offset", "repl_backlog_first_byte_offset"];

    private static readonly string[] TakeFirstSuffixes = ["_ratio", "_perc", "_version", "_policy", "_api", "_bits", "hz", "lru_clock", "mem_allocator", "os", "redis_git_sha1", "redis_git_dirty", "redis_build_id", "role", "_status", "aof_enabled", "mode", "total_system_memory"];

    // Timestamps and durations whose "none" is -1: a sum means nothing, the latest or longest shard's value does.
    private static readonly string[] TakeMaxSuffixes = ["_save_time", "_time_sec"];

    public static string Compose(IReadOnlyList<string> shardInfos, ProxyFacts facts)
    {
        var parsed = shardInfos.Select(Parse).ToList();
        var output = new StringBuilder();
        foreach (var (section, pairs) in parsed[0])
        {
            if (output.Length > 0)
            {
                output.Append("\r\n");
            }
            output.Append("# ").Append(section).Append("\r\n");
            var merged = section.Equals("Keyspace", StringComparison.OrdinalIgnoreCase)
                ? MergeKeyspace(parsed)
                : MergeSection(section, pairs, parsed);
            Override(section, merged, facts);
            foreach (var (key, value) in merged)
            {
                output.Append(key).Append(':').Append(value).Append("\r\n");
            }
        }
        return output.ToString();
    }

    private static List<(string Section, List<(string Key, string Value)> Pairs)> Parse(string info)
    {
        var sections = new List<(string, List<(string, string)>)>();
        List<(string, string)>? current = null;
        foreach (var raw in info.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                current = [];
                sections.Add((line[2..], current));
            }
            else if (current is not null && line.IndexOf(':') is var colon and > 0)
            {
                current.Add((line[..colon], line[(colon + 1)..]));
            }
        }
        return sections;
    }

    private static List<(string Key, string Value)> MergeSection(string section, List<(string Key, string Value)> first, List<List<(string Section, List<(string Key, string Value)> Pairs)>> all)
    {
        var result = new List<(string, string)>();
        foreach (var (key, value) in first)
        {
            if (Hidden.Contains(key))
            {
                continue;
            }
            if (TakeFirstSuffixes.Any(key.EndsWith) || key.EndsWith("_human", StringComparison.Ordinal))
            {
                result.Add((key, value));
                continue;
            }
            var values = all.Select(shard => shard.FirstOrDefault(s => s.Section == section).Pairs?.FirstOrDefault(p => p.Key == key).Value).ToList();
            if (TakeMaxSuffixes.Any(key.EndsWith) && values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                result.Add((key, values.Max(v => long.Parse(v!, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)));
            }
            else if (values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                result.Add((key, values.Sum(v => long.Parse(v!, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)));
            }
            else if (values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                var sum = values.Sum(v => double.Parse(v!, CultureInfo.InvariantCulture));
                result.Add((key, sum.ToString("0.######", CultureInfo.InvariantCulture)));
            }
            else
            {
                result.Add((key, value));
            }
        }
        // Human-readable sizes follow the summed byte counts.
        for (var i = 0; i < result.Count; i++)
        {
            var (key, _) = result[i];
            if (key.EndsWith("_human", StringComparison.Ordinal) &&
                result.FirstOrDefault(r => r.Item1 == key[..^6]).Item2 is { } bytes &&
                long.TryParse(bytes, CultureInfo.InvariantCulture, out var n))
            {
                result[i] = (key, Human(n));
            }
        }
        return result;
    }

    private static List<(string Key, string Value)> MergeKeyspace(List<List<(string Section, List<(string Key, string Value)> Pairs)>> all)
    {
        long keys = 0, expires = 0, avgTtl = 0;
        foreach (var shard in all)
        {
            var db0 = shard.FirstOrDefault(s => s.Section == "Keyspace").Pairs?.FirstOrDefault(p => p.Key == "db0").Value;
            if (db0 is null)
            {
                continue;
            }
            foreach (var part in db0.Split(','))
            {
                var kv = part.Split('=');
                if (kv.Length == 2 && long.TryParse(kv[1], CultureInfo.InvariantCulture, out var v))
                {
                    switch (kv[0])
                    {
                        case "keys": keys += v; break;
                        case "expires": expires += v; break;
                        case "avg_ttl": avgTtl = Math.Max(avgTtl, v); break;
                    }
                }
            }
        }
        return keys == 0 ? [] : [("db0", $"keys={keys},expires={expires},avg_ttl={avgTtl}")];
    }

    private static void Override(string section, List<(string Key, string Value)> pairs, ProxyFacts facts)
    {
        void Set(string key, string value)
        {
            var index = pairs.FindIndex(p => p.Key == key);
            if (index >= 0)
            {
                pairs[index] = (key, value);
            }
            else
            {
                pairs.Add((key, value));
            }
        }

        switch (section)
        {
            case "Server":
                Set("redis_version", facts.Version);
                Set("redis_mode", facts.ClusterMode ? "cluster" : "standalone");
                Set("tcp_port", facts.Port.ToString(CultureInfo.InvariantCulture));
                Set("uptime_in_seconds", facts.UptimeSeconds.ToString(CultureInfo.InvariantCulture));
                Set("uptime_in_days", (facts.UptimeSeconds / 86400).ToString(CultureInfo.InvariantCulture));
                break;
            case "Cluster":
                Set("cluster_enabled", facts.ClusterMode ? "1" : "0");
                break;
            case "Clients":
                Set("connected_clients", facts.Clients.ToString(CultureInfo.InvariantCulture));
                Set("blocked_clients", facts.BlockedClients.ToString(CultureInfo.InvariantCulture));
                Set("pubsub_clients", facts.PubSubClients.ToString(CultureInfo.InvariantCulture));
                if (facts.MaxClients > 0)
                {
                    Set("maxclients", facts.MaxClients.ToString(CultureInfo.InvariantCulture));
                }
                break;
            case "Stats":
                Set("total_connections_received", facts.TotalConnections.ToString(CultureInfo.InvariantCulture));
                break;
            case "Replication":
                Set("role", "master");
                break;
        }
    }

    private static string Human(long bytes)
    {
        string[] units = ["B", "K", "M", "G", "T"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes}B" : value.ToString("0.00", CultureInfo.InvariantCulture) + units[unit];
    }
}
