using System.Globalization;
using Spectre.Console;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders databases: the <c>db list</c> table and the <c>db info</c> sheet.</summary>
internal static class BdbRenderer
{
    public static void RenderList(IAnsiConsole console, IEnumerable<BdbInfo> bdbs)
    {
        var table = Tables.Create("DB:ID", "NAME", "TYPE", "STATUS", "MEMORY", "SHARDS", "REPLICATION", "ENDPOINT");
        foreach (var bdb in bdbs.OrderBy(b => b.Uid, UidComparer.Instance))
        {
            table.AddRow($"db:{bdb.Uid}", bdb.Name, bdb.Type, bdb.Status, MemoryLimit(bdb.MemorySize),
                bdb.ShardsCount?.ToString(CultureInfo.InvariantCulture), Tables.Enabled(bdb.Replication), Tables.Endpoint(bdb));
        }
        Tables.WriteSection(console, "DATABASES", table);
    }

    public static void RenderInfo(IAnsiConsole console, BdbInfo bdb)
    {
        var table = Tables.Create("FIELD", "VALUE");
        table.AddRow("uid", bdb.Uid);
        table.AddRow("name", bdb.Name);
        table.AddRow("type", bdb.Type);
        table.AddRow("status", bdb.Status);
        table.AddRow("version", bdb.Version);
        table.AddRow("memory_size", bdb.MemorySize is { } m ? $"{MemoryLimit(m)} ({m.ToString(CultureInfo.InvariantCulture)} bytes)" : null);
        table.AddRow("shards_count", bdb.ShardsCount?.ToString(CultureInfo.InvariantCulture));
        table.AddRow("sharding", Tables.Enabled(bdb.Sharding));
        table.AddRow("replication", Tables.Enabled(bdb.Replication));
        table.AddRow("shards_placement", bdb.ShardsPlacement);
        table.AddRow("proxy_policy", bdb.ProxyPolicy);
        table.AddRow("eviction_policy", bdb.EvictionPolicy);
        table.AddRow("data_persistence", bdb.DataPersistence);
        if (bdb.Backup == true)
        {
            var every = bdb.BackupInterval?.ToString(CultureInfo.InvariantCulture) + " s";
            var status = string.IsNullOrEmpty(bdb.BackupStatus) ? "no backup yet" : bdb.BackupStatus + (bdb.BackupFailureReason is { } why ? $" ({why})" : "");
            table.AddRow("backup", $"every {every}; last: {bdb.LastBackupTime ?? "never"}; {status}");
        }
        table.AddRow("port", bdb.Port?.ToString(CultureInfo.InvariantCulture));
        foreach (var endpoint in bdb.Endpoints ?? [])
        {
            var addresses = endpoint.Addr is { Count: > 0 } a ? $" on {string.Join(", ", a)}" : "";
            table.AddRow($"endpoint:{endpoint.Uid}", $"{endpoint.DnsName ?? "*"}:{endpoint.Port ?? bdb.Port}{addresses} ({endpoint.ProxyPolicy ?? bdb.ProxyPolicy})");
        }
        table.AddRow("shard_list", bdb.ShardList);
        if (bdb.ActionUid is { } action)
        {
            table.AddRow("action_uid", action);
        }
        Tables.WriteSection(console, $"DATABASE db:{bdb.Uid}", table);
    }

    private static string MemoryLimit(long? bytes) => bytes == 0 ? "unlimited" : Tables.Memory(bytes);
}
