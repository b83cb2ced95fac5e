using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Operations;

/// <summary>The leader's side of a node joining: Raft membership first, then the node record that tells the node its uid.</summary>
public sealed class NodeOperations(IClusterStore store, ILogger<NodeOperations> logger, TimeProvider time) : INodeOperations
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<OperationOutcome<NodeRecord>> JoinAsync(NodeRecord candidate, CancellationToken cancellationToken)
    {
        if (!store.IsLeader)
        {
            return NotLeader();
        }
        if (!RaftEndPoints.TryParse(candidate.RaftEndPoint, out var endPoint))
        {
            return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.BadRequest, "invalid_parameter", $"'{candidate.RaftEndPoint}' is not an ip:port endpoint");
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = store.Current;
            if (state.Nodes.Values.FirstOrDefault(n => n.RaftEndPoint == candidate.RaftEndPoint) is { } known)
            {
                // A retry after a lost answer; the member may still need adding if the first attempt stopped half way.
                await AddMemberAsync(endPoint, cancellationToken).ConfigureAwait(false);
                return OperationOutcome.Ok(known);
            }
            if (state.Nodes.Values.FirstOrDefault(n => n.Address == candidate.Address) is { } sameAddress)
            {
                return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.Conflict, "node_exists",
                    $"node {sameAddress.Uid} already has address {candidate.Address}");
            }
            if (!await AddMemberAsync(endPoint, cancellationToken).ConfigureAwait(false) && !IsMember(endPoint))
            {
                return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.Unavailable, "connect_error",
                    $"the cluster could not reach the joining node's cluster store at {candidate.RaftEndPoint}");
            }
            var result = await store.ProposeAsync(new AddNode { Node = candidate with { Uid = 0, Status = NodeStatus.Active } }, cancellationToken)
                .ConfigureAwait(false);
            switch (result.Status)
            {
                case ProposeStatus.Applied:
                    var node = result.State!.Nodes[result.AssignedUids[0]];
                    Log.NodeJoined(logger, node.Uid, node.Address, node.RaftEndPoint);
                    // After the node record rather than with it: the store assigns the uid the event names. A lost
                    // event costs less than a join that fails for it.
                    await store.ProposeAsync(Events.ClusterEvents.Append(Events.ClusterEvents.NodeJoined(node, time.GetUtcNow())), cancellationToken)
                        .ConfigureAwait(false);
                    return OperationOutcome.Ok(node);
                case ProposeStatus.Rejected:
                    return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.Conflict, "node_exists", result.Rejection!.Message);
                case ProposeStatus.NotLeader:
                    return NotLeader();
                default:
                    return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.Unavailable, "no_quorum", result.Description);
            }
        }
        catch (NotClusterLeaderException)
        {
            return NotLeader();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<OperationOutcome<NodeRecord>> RemoveAsync(int nodeUid, CancellationToken cancellationToken)
    {
        if (!store.IsLeader)
        {
            return NotLeader();
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = store.Current;
            if (state.Nodes.GetValueOrDefault(nodeUid) is not { } node)
            {
                return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.NotFound, "node_not_exist", $"node {nodeUid} does not exist");
            }
            var objectName = ActionNames.NodeObject(nodeUid);
            if (state.Actions.Values.FirstOrDefault(a => a.ObjectName == objectName && a.Status is ActionStatus.Pending or ActionStatus.Active) is { } running)
            {
                return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.Busy, "node_busy", $"node {nodeUid} is busy with {running.Name} ({running.ActionUid})");
            }
            if (state.Nodes.Count <= 1)
            {
                return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.InvalidConfiguration, "last_node", "the last node of a cluster cannot be removed");
            }
            var others = state.Nodes.Values.Where(n => n.Uid != nodeUid).ToList();
            if (others.All(n => n.Status != NodeStatus.Active))
            {
                return OperationOutcome.Fail<NodeRecord>(OperationErrorKind.InvalidConfiguration, "insufficient_resources",
                    "no other active node can take the node's shards and endpoints");
            }
            var action = HaActions.New(ActionNames.RemoveNode, objectName, RemoveNodeMachine.Decommission, default, time.GetUtcNow());
            var result = await store.ProposeAsync(new PutAction { Action = action, ExpectedVersion = 0, ExpectedClusterVersion = state.Version }, cancellationToken)
                .ConfigureAwait(false);
            return result.Status switch
            {
                ProposeStatus.Applied => OperationOutcome.Ok(node, action.ActionUid),
                ProposeStatus.NotLeader => NotLeader(),
                ProposeStatus.Rejected => OperationOutcome.Fail<NodeRecord>(OperationErrorKind.Busy, "busy", "the cluster changed while the request was decided; retry"),
                _ => OperationOutcome.Fail<NodeRecord>(OperationErrorKind.Unavailable, "no_quorum", result.Description),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    // Catching a new member up can time out on a loaded machine (its log appends are slow); a few tries cost nothing.
    private async Task<bool> AddMemberAsync(System.Net.EndPoint endPoint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (IsMember(endPoint) || await store.AddMemberAsync(endPoint, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
            if (attempt == MemberAttempts || !store.IsLeader)
            {
                return IsMember(endPoint);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private const int MemberAttempts = 3;

    private bool IsMember(System.Net.EndPoint endPoint) => store.Members.Any(m => m.Equals(endPoint));

    private static OperationOutcome<NodeRecord> NotLeader() =>
        OperationOutcome.Fail<NodeRecord>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader");
}
