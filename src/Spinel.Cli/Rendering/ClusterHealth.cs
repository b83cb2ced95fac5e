using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>
/// What <c>spinel status</c> says about the cluster's health, read off the same REST objects as the tables: quorum (a
/// majority of the nodes active), the leader (from <c>/v1/nodes/status</c>), nodes not active, replicas not in sync, and masters of
/// replicated databases that lack a working replica.
/// </summary>
internal sealed record ClusterHealth(
    bool HasQuorum,
    string QuorumDetail,
    string? Leader,
    IReadOnlyList<string> FailedNodes,
    IReadOnlyList<string> ShardsOutOfSync,
    IReadOnlyList<string> MastersWithoutReplica)
{
    public bool IsOk => HasQuorum && Leader is not null && FailedNodes.Count == 0 && ShardsOutOfSync.Count == 0 && MastersWithoutReplica.Count == 0;

    public static ClusterHealth Of(ClusterStatus status)
    {
        var nodes = status.Nodes.OrderBy(n => n.Uid, UidComparer.Instance).ToList();
        var active = nodes.Count(n => n.Status == "active");
        var leader = nodes.FirstOrDefault(n => n.Uid is not null && status.NodeRoles.TryGetValue(n.Uid, out var role) && role == "master");
        var failed = nodes.Where(n => n.Status != "active").Select(n => $"node:{n.Uid} ({n.Addr}, {n.Status ?? "unknown"})").ToList();
        var shards = status.Shards.OrderBy(s => s.BdbUid, UidComparer.Instance).ThenBy(s => s.Uid, UidComparer.Instance).ToList();
        var outOfSync = shards.Where(s => s.Role == "slave" && !InSync(s))
            .Select(s => $"redis:{s.Uid} (db:{s.BdbUid}, {s.Sync?.Status ?? s.DetailedStatus ?? "unknown"})").ToList();
        var withoutReplica = new List<string>();
        foreach (var bdb in status.Bdbs.Where(b => b.Replication == true).OrderBy(b => b.Uid, UidComparer.Instance))
        {
            var ofBdb = shards.Where(s => s.BdbUid == bdb.Uid).ToList();
            var masters = ofBdb.Count(s => s.Role == "master");
            var working = ofBdb.Count(s => s.Role == "slave" && InSync(s));
            if (working < masters)
            {
                withoutReplica.Add($"db:{bdb.Uid} ({masters - working} of {masters})");
            }
        }
        return new ClusterHealth(
            active * 2 > nodes.Count,
            $"{active}/{nodes.Count} nodes active",
            leader is null ? null : $"node:{leader.Uid} ({leader.Addr})",
            failed,
            outOfSync,
            withoutReplica);
    }

    // A replica counts as in sync while it streams from its master (idle) and its process answers.
    private static bool InSync(ShardInfo shard) =>
        shard.Sync?.Status == "idle" && shard.DetailedStatus is not ("down" or "timeout");
}
