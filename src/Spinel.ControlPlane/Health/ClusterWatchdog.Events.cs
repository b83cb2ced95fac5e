using Spinel.ControlPlane.Events;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Health;

public sealed partial class ClusterWatchdog
{
    // A decision and the event that reports it are written in one batch, so the log never shows one without the other.
    private ClusterCommand WithEvent(ClusterState state, ClusterCommand decision)
    {
        var now = time.GetUtcNow();
        EventRecord? reported = decision switch
        {
            UpdateNode { Node: { Status: NodeStatus.Down } node } when state.Nodes.GetValueOrDefault(node.Uid)?.Status != NodeStatus.Down =>
                ClusterEvents.NodeFailed(node, now),
            UpdateNode { Node: { Status: NodeStatus.Active } node } when state.Nodes.GetValueOrDefault(node.Uid)?.Status == NodeStatus.Down =>
                ClusterEvents.NodeRecovered(node, now),
            PutAction { ExpectedVersion: 0, Action: var action } => ClusterEvents.ActionStarted(action, now),
            _ => null,
        };
        return reported is null ? decision : new Batch { Commands = [decision, ClusterEvents.Append(reported)] };
    }
}
