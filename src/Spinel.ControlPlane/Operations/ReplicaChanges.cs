using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Operations;

/// <summary>The shards to add or remove when a database's <c>replication</c> is turned on or off.</summary>
internal sealed record ReplicaChanges(IReadOnlyList<ClusterCommand> Commands, OperationError? Error)
{
    public static ReplicaChanges For(ClusterState state, BdbRecord current, BdbRecord desired)
    {
        if (desired.Replication == current.Replication)
        {
            return new([], null);
        }
        var shards = state.ShardsOf(current.Uid).ToList();
        if (!desired.Replication)
        {
            var replicas = shards.Where(s => s.Role == ShardRole.Replica).Select(s => s.Uid).ToValueList();
            return new(replicas.Count == 0 ? [] : [new DeleteShards { BdbUid = current.Uid, ShardUids = replicas }], null);
        }
        // Placed one by one on a working copy of the state, so each replica sees the room and ports the previous took.
        var working = state with { Bdbs = state.Bdbs.SetItem(desired.Uid, desired with { Version = current.Version }) };
        var added = new List<ShardRecord>();
        var nextUid = state.NextShardUid;
        foreach (var master in shards.Where(s => s.Role == ShardRole.Master && !shards.Any(r => r.ReplicaOf == s.Uid)).OrderBy(s => s.Uid))
        {
            var probe = new ShardRecord
            {
                BdbUid = master.BdbUid,
                NodeUid = master.NodeUid,
                Role = ShardRole.Replica,
                ReplicaOf = master.Uid,
                AssignedSlots = master.AssignedSlots,
                Port = master.Port,
            };
            if (ShardTargets.Choose(working, probe, _ => true) is not { } node)
            {
                return new([], new OperationError(OperationErrorKind.InvalidConfiguration, ShardPlacer.InsufficientResources,
                    $"no active node other than node {master.NodeUid} has room for a replica of shard {master.Uid}"));
            }
            var replica = probe with { Uid = nextUid++, NodeUid = node, Port = ShardTargets.FreePort(working, node) };
            added.Add(replica);
            working = working with { Shards = working.Shards.SetItem(replica.Uid, replica), NextShardUid = nextUid };
        }
        return new(added.Count == 0 ? [] : [new PutShards { BdbUid = current.Uid, Shards = added.ToValueList() }], null);
    }
}
