using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>What a shard says of its replication (INFO replication), read when a step must know it now.</summary>
/// <param name="Role">master or replica.</param>
/// <param name="MasterLinkUp">A replica's <c>master_link_status</c> is up; false for a master.</param>
/// <param name="SyncInProgress">A replica is still loading its master's dataset.</param>
/// <param name="Offset">A master's <c>master_repl_offset</c>; a replica's <c>slave_repl_offset</c>.</param>
public sealed record ReplicationInfo(ShardRole Role, bool MasterLinkUp, bool SyncInProgress, long Offset)
{
    /// <summary>Parses the text of INFO replication; null when it names no role.</summary>
    public static ReplicationInfo? Parse(string info)
    {
        ShardRole? role = null;
        var linkUp = false;
        var syncing = false;
        long masterOffset = 0;
        long replicaOffset = 0;
        foreach (var raw in info.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var value = line[(colon + 1)..];
            switch (line[..colon])
            {
                case "role":
                    role = value == "master" ? ShardRole.Master : ShardRole.Replica;
                    break;
                case "master_link_status":
                    linkUp = value == "up";
                    break;
                case "master_sync_in_progress":
                    syncing = value == "1";
                    break;
                case "master_repl_offset":
                    masterOffset = ParseOffset(value);
                    break;
                case "slave_repl_offset":
                    replicaOffset = ParseOffset(value);
                    break;
            }
        }
        return role switch
        {
            null => null,
            ShardRole.Master => new ReplicationInfo(ShardRole.Master, false, false, masterOffset),
            _ => new ReplicationInfo(ShardRole.Replica, linkUp, syncing, replicaOffset),
        };
    }

    private static long ParseOffset(string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : 0;
}
