using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

/// <summary>
/// New shards for a database, not stored yet (uid 0). <c>Masters[i]</c> serves the i-th of the database's evenly split
/// slot ranges; <c>Replicas[i]</c> replicates <c>Masters[i]</c> (same slots, another node) and carries no
/// <see cref="ShardRecord.ReplicaOf"/> until its master has a uid: store it through <see cref="ReplicasOf"/> or
/// <see cref="WithUids"/>.
/// </summary>
public sealed record ShardPlan
{
    /// <summary>The master shards in slot order, uid 0.</summary>
    public required ValueList<ShardRecord> Masters { get; init; }

    /// <summary>One replica per master at the same index, uid 0 and no <see cref="ShardRecord.ReplicaOf"/>; empty without replication.</summary>
    public ValueList<ShardRecord> Replicas { get; init; }

    /// <summary>Masters then replicas, as planned (uids 0, no <see cref="ShardRecord.ReplicaOf"/>).</summary>
    public IEnumerable<ShardRecord> All => Masters.Concat(Replicas);

    /// <summary>
    /// The replicas pointed at their masters once those are stored: <paramref name="masterUids"/>[i] is the uid the store
    /// gave <c>Masters[i]</c> (e.g. the <c>AssignedUids</c> of the <c>PutShards</c> that stored <see cref="Masters"/>).
    /// </summary>
    public ValueList<ShardRecord> ReplicasOf(IReadOnlyList<int> masterUids)
    {
        if (masterUids.Count != Masters.Count)
        {
            throw new ArgumentException($"expected {Masters.Count} master uids, got {masterUids.Count}", nameof(masterUids));
        }
        return Replicas.Select((replica, i) => replica with { ReplicaOf = masterUids[i] }).ToValueList();
    }

    /// <summary>
    /// Every shard with an explicit uid, numbered from <paramref name="firstUid"/>: masters first, then replicas, each
    /// replica's <see cref="ShardRecord.ReplicaOf"/> set. Pass the state's <see cref="ClusterState.NextShardUid"/> to store
    /// the whole plan in one <c>PutShards</c>; should another command take those uids first, the store rejects it.
    /// </summary>
    public ValueList<ShardRecord> WithUids(int firstUid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstUid, 1);
        var masters = Masters.Select((master, i) => master with { Uid = firstUid + i }).ToList();
        var replicas = Replicas.Select((replica, i) => replica with
        {
            Uid = firstUid + Masters.Count + i,
            ReplicaOf = masters[i].Uid,
        });
        return masters.Concat(replicas).ToValueList();
    }
}
