using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;

namespace Spinel.Node.Heartbeats;

/// <summary>
/// Whether this node, as the leader, may grant write leases: it must have heard from a majority of the nodes (itself
/// included) within one lease. A leader cut off from the others stops granting, even before Raft notices.
/// </summary>
internal static class LeaseGrant
{
    public static bool CanGrant(IClusterStore store, IClusterHealth health)
    {
        if (!store.IsLeader)
        {
            return false;
        }
        var state = store.Current;
        var lease = HeartbeatTimings.For(state).Lease;
        var heard = state.Nodes.Keys.Count(uid => health.GetNode(uid) is { } node && node.Age < lease);
        return heard * 2 > state.Nodes.Count;
    }
}
