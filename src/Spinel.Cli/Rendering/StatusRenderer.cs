using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders <c>spinel status</c> like <c>rladmin status</c>: CLUSTER, CLUSTER NODES, DATABASES, ENDPOINTS and SHARDS tables.</summary>
internal static class StatusRenderer
{
    public static void Render(IAnsiConsole console, ClusterStatus status)
    {
        var nodes = status.Nodes.OrderBy(n => n.Uid, UidComparer.Instance).ToList();
        var bdbs = status.Bdbs.OrderBy(b => b.Uid, UidComparer.Instance).ToList();
        var shards = status.Shards.OrderBy(s => s.BdbUid, UidComparer.Instance).ThenBy(s => s.Uid, UidComparer.Instance).ToList();
        var names = bdbs.Where(b => b.Uid is not null).GroupBy(b => b.Uid!).ToDictionary(g => g.Key, g => g.First().Name);

        Tables.WriteSection(console, "CLUSTER", Cluster(status, nodes));
        console.WriteLine();
        HealthRenderer.Render(console, ClusterHealth.Of(status));
        console.WriteLine();
        Tables.WriteSection(console, "CLUSTER NODES", Nodes(status, nodes, shards));
        console.WriteLine();
        Tables.WriteSection(console, "DATABASES", Databases(bdbs));
        console.WriteLine();
        Tables.WriteSection(console, "ENDPOINTS", Endpoints(bdbs, nodes));
        console.WriteLine();
        Tables.WriteSection(console, "SHARDS", Shards(shards, names));
    }

    private static string? RoleOf(ClusterStatus status, NodeInfo node) =>
        node.Uid is not null && status.NodeRoles.TryGetValue(node.Uid, out var role) ? role : node.Role;

    private static Table Cluster(ClusterStatus status, List<NodeInfo> nodes)
    {
        var master = nodes.FirstOrDefault(n => RoleOf(status, n) == "master");
        var active = nodes.Count(n => n.Status == "active");
        var quorum = nodes.Count == 0 ? Tables.Missing
            : $"{(active * 2 > nodes.Count ? "OK" : "LOST")} ({active}/{nodes.Count} nodes active)";

        var table = Tables.Create("NAME", "MASTER", "QUORUM");
        table.AddRow(status.Cluster.Name, master is null ? null : $"node:{master.Uid} ({master.Addr})", quorum);
        return table;
    }

    private static Table Nodes(ClusterStatus status, List<NodeInfo> nodes, List<ShardInfo> shards)
    {
        var table = Tables.Create("NODE:ID", "ROLE", "ADDRESS", "SHARDS", "MEMORY", "STATUS");
        foreach (var node in nodes)
        {
            var used = node.ShardCount ?? shards.Count(s => s.NodeUid == node.Uid);
            var count = node.MaxRedisServers is { } max ? $"{used}/{max}" : used.ToString(CultureInfo.InvariantCulture);
            table.AddRow(Tables.Cell($"node:{node.Uid}"), Tables.Cell(RoleOf(status, node)), Tables.Cell(node.Addr), Tables.Cell(count),
                Tables.Cell(Tables.Memory(node.TotalMemory)), Tables.StatusCell(node.Status));
        }
        return table;
    }

    private static Table Databases(List<BdbInfo> bdbs)
    {
        var table = Tables.Create("DB:ID", "NAME", "TYPE", "STATUS", "SHARDS", "PLACEMENT", "REPLICATION", "PERSISTENCE", "ENDPOINT");
        foreach (var bdb in bdbs)
        {
            table.AddRow($"db:{bdb.Uid}", bdb.Name, bdb.Type, bdb.Status, bdb.ShardsCount?.ToString(CultureInfo.InvariantCulture),
                bdb.ShardsPlacement, Tables.Enabled(bdb.Replication), bdb.DataPersistence, Tables.Endpoint(bdb));
        }
        return table;
    }

    private static Table Endpoints(List<BdbInfo> bdbs, List<NodeInfo> nodes)
    {
        var nodeByAddress = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in nodes)
        {
            foreach (var address in (node.ExternalAddr ?? []).Prepend(node.Addr))
            {
                if (address is not null && node.Uid is not null)
                {
                    nodeByAddress.TryAdd(address, node.Uid);
                }
            }
        }

        var table = Tables.Create("DB:ID", "NAME", "ID", "NODE", "PORT", "PROXY_POLICY");
        foreach (var bdb in bdbs)
        {
            foreach (var endpoint in bdb.Endpoints ?? [])
            {
                var port = (endpoint.Port ?? bdb.Port)?.ToString(CultureInfo.InvariantCulture);
                var policy = endpoint.ProxyPolicy ?? bdb.ProxyPolicy;
                var bound = endpoint.Addr is { Count: > 0 } addresses
                    ? addresses.Select(a => nodeByAddress.TryGetValue(a, out var uid) ? $"node:{uid}" : a)
                    : [Tables.Missing];
                foreach (var node in bound.Order(StringComparer.Ordinal))
                {
                    table.AddRow($"db:{bdb.Uid}", bdb.Name, $"endpoint:{endpoint.Uid}", node, port, policy);
                }
            }
        }
        return table;
    }

    private static Table Shards(List<ShardInfo> shards, Dictionary<string, string?> names)
    {
        var table = Tables.Create("DB:ID", "NAME", "ID", "NODE", "ROLE", "SLOTS", "USED_MEMORY", "SYNC", "WATCHDOG_STATUS", "STATUS");
        foreach (var shard in shards)
        {
            var name = shard.BdbUid is not null ? names.GetValueOrDefault(shard.BdbUid) : null;
            table.AddRow(Tables.Cell($"db:{shard.BdbUid}"), Tables.Cell(name), Tables.Cell($"redis:{shard.Uid}"), Tables.Cell($"node:{shard.NodeUid}"),
                Tables.Cell(shard.Role), Tables.Cell(shard.AssignedSlots), Tables.Cell(UsedMemory(shard)), Sync(shard),
                Tables.StatusCell(shard.DetailedStatus), Tables.StatusCell(shard.Status));
        }
        return table;
    }

    // Redis Enterprise's sync states read as what they mean for a replica: idle is a replica streaming from its master.
    private static IRenderable Sync(ShardInfo shard) => shard.Sync?.Status switch
    {
        null => Tables.Cell(null),
        "idle" when shard.Sync.Progress > 0 => Tables.Cell($"in_sync ({MemorySize.Format(shard.Sync.Progress.Value)} behind)"),
        "idle" => Tables.Cell("in_sync"),
        "in_progress" => Tables.StatusCell("syncing"),
        var other => Tables.StatusCell(other),
    };

    private static string UsedMemory(ShardInfo shard)
    {
        if (shard.RedisInfo?.TryGetValue("used_memory", out var value) != true)
        {
            return Tables.Missing;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var bytes) => MemorySize.Format(bytes),
            JsonValueKind.String when long.TryParse(value.GetString(), out var bytes) => MemorySize.Format(bytes),
            _ => Tables.Missing,
        };
    }
}
