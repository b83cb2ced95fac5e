using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Spinel.Model;

/// <summary>What a shard's <c>INFO replication</c> says about its role, read by the node agent and the control plane.</summary>
/// <param name="MasterLinkUp">For a replica, whether <c>master_link_status</c> is <c>up</c>; null for a master.</param>
/// <param name="Offset"><c>master_repl_offset</c> of a master, <c>slave_repl_offset</c> of a replica.</param>
/// <param name="SyncInProgress">For a replica, whether it is still loading its master's dataset.</param>
public sealed record ReplicationInfo(ShardRole Role, bool? MasterLinkUp, long Offset, bool SyncInProgress = false)
{
    /// <summary>Reads the <c>field:value</c> lines of an INFO reply; false when it names no known role.</summary>
    public static bool TryParse(string? info, [NotNullWhen(true)] out ReplicationInfo? replication)
    {
        replication = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (info ?? "").Split('\n', StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon]] = line[(colon + 1)..];
            }
        }
        switch (fields.GetValueOrDefault("role"))
        {
            case "master":
                replication = new ReplicationInfo(ShardRole.Master, null, ReadLong(fields, "master_repl_offset"));
                return true;
            case "slave":
                replication = new ReplicationInfo(
                    ShardRole.Replica,
                    fields.GetValueOrDefault("master_link_status") == "up",
                    ReadLong(fields, fields.ContainsKey("slave_repl_offset") ? "slave_repl_offset" : "master_repl_offset"),
                    fields.GetValueOrDefault("master_sync_in_progress") == "1");
                return true;
            default:
                return false;
        }
    }

    private static long ReadLong(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;
}
