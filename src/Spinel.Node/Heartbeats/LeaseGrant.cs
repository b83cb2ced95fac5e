using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Raft;

namespace Spinel.Node.Heartbeats;

/// <summary>
/// Whether this node, as the leader, may grant write leases: it must have heard from a majority of the nodes that vote
/// in the cluster store (itself included) within one lease. A leader cut off from the others stops granting, even before
/// Raft notices. Nodes that are not Raft members (lost nodes a recovered cluster still lists) do not count.
/// </summary>
internal static class LeaseGrant
{
    public static bool CanGrant(IClusterStore store, IClusterHealth health, int selfUid) => SelfLeaseRemaining(store, health, selfUid) is not null;

    /// <summary>
    /// How long the leader's own lease may run from now: until one lease after the oldest of the freshest heartbeats
    /// that make up a majority, so it ends no later than the others' view of this node goes stale. Null when this node
    /// does not lead or does not hear from a majority.
    /// </summary>
    public static TimeSpan? SelfLeaseRemaining(IClusterStore store, IClusterHealth health, int selfUid)
    {
        if (!store.IsLeader)
        {
            return null;
        }
        var state = store.Current;
        var lease = HeartbeatTimings.For(state).Lease;
        var members = store.Members.Select(RaftEndPoints.Format).ToHashSet(StringComparer.Ordinal);
        var voters = state.Nodes.Values.Where(n => members.Count == 0 || members.Contains(n.RaftEndPoint)).Select(n => n.Uid).ToList();
        var othersNeeded = voters.Count / 2;
        if (othersNeeded == 0)
        {
            return lease;
        }
        var ages = voters
            .Where(uid => uid != selfUid)
            .Select(uid => health.GetNode(uid))
            .OfType<NodeHealth>()
            .Select(h => h.Age)
            .Order()
            .ToList();
        if (ages.Count < othersNeeded || ages[othersNeeded - 1] >= lease)
        {
            return null;
        }
        return lease - ages[othersNeeded - 1];
    }
}
