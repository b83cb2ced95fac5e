using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMRemoveNode</c>: marks the node decommissioning (it gets no new shards or endpoints), moves each of its shards
/// to another node with <see cref="ShardMove"/>, re-binds the endpoints it served, then takes it out of the Raft
/// membership and the store.
/// </summary>
internal sealed class RemoveNodeMachine : IActionMachine
{
    public const string Decommission = "decommission";
    public const string RebindEndpoints = "rebind_endpoints";
    public const string WaitForEndpoints = "wait_for_endpoints";
    public const string Leave = "leave";
    public const string RemoveMember = "remove_member";

    public string Name => ActionNames.RemoveNode;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var nodeUid = int.Parse(action.ObjectName.AsSpan("node:".Length), System.Globalization.CultureInfo.InvariantCulture);
        var state = context.State;
        if (action.State == RemoveMember)
        {
            // The node record went first, so the leaving node learns it was removed and stops; then the membership.
            if (RaftEndPoints.TryParse(action.Data.GetValueOrDefault("raft_endpoint"), out var endPoint))
            {
                await context.RemoveMemberAsync(endPoint, cancellationToken).ConfigureAwait(false);
            }
            Log.NodeRemoved(context.Logger, nodeUid);
            await context.AdvanceAsync(action, BdbSteps.Completed, 100, [], cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
            return;
        }
        if (state.Nodes.GetValueOrDefault(nodeUid) is not { } node)
        {
            await context.AdvanceAsync(action, BdbSteps.Completed, 100, [], cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
            return;
        }
        var total = Math.Max(1, int.TryParse(action.Data.GetValueOrDefault("shards_total"), out var t) ? t : 1);
        var left = state.ShardsOnNode(nodeUid).Count();
        var progress = Math.Min(90, 10 + 80.0 * (total - left) / total);
        if (ShardMove.Owns(action.State))
        {
            await ShardMove.StepAsync(context, action, progress, a => a, cancellationToken).ConfigureAwait(false);
            return;
        }
        switch (action.State)
        {
            case Decommission:
                var marked = action with
                {
                    Data = action.Data.SetItem("shards_total", left.ToString(System.Globalization.CultureInfo.InvariantCulture)).SetItem("raft_endpoint", node.RaftEndPoint),
                };
                await context.AdvanceAsync(marked, ShardMove.NextShard, 10,
                    node.Status == NodeStatus.Decommissioning ? [] : [new UpdateNode { Node = node with { Status = NodeStatus.Decommissioning } }],
                    cancellationToken).ConfigureAwait(false);
                break;
            case ShardMove.NextShard:
                // Masters first: each becomes a replica-free move sooner, and replicas of moved masters follow them.
                var next = state.ShardsOnNode(nodeUid).OrderBy(s => s.Role == ShardRole.Master ? 0 : 1).ThenBy(s => s.Uid).FirstOrDefault();
                if (next is null)
                {
                    await context.AdvanceAsync(action, RebindEndpoints, 90, [], cancellationToken).ConfigureAwait(false);
                    return;
                }
                await context.AdvanceAsync(ShardMove.Begin(action, next.Uid, 0), ShardMove.Create, progress, [], cancellationToken).ConfigureAwait(false);
                break;
            case RebindEndpoints:
                await context.AdvanceAsync(action, WaitForEndpoints, 92, Rebind(state, nodeUid), cancellationToken).ConfigureAwait(false);
                break;
            case WaitForEndpoints:
                // Endpoints that do not come up in time do not keep the node: what serves is reported in the API anyway.
                await context.WaitUntilAsync(async ct =>
                {
                    foreach (var bdb in context.State.Bdbs.Values)
                    {
                        if (!await context.EndpointsServingAsync(bdb.Uid, ct).ConfigureAwait(false))
                        {
                            return false;
                        }
                    }
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                await context.AdvanceAsync(action, Leave, 95, [], cancellationToken).ConfigureAwait(false);
                break;
            case Leave:
                await context.AdvanceAsync(action with { Data = action.Data.SetItem("raft_endpoint", node.RaftEndPoint) }, RemoveMember, 98,
                    [new RemoveNode { Uid = nodeUid }], cancellationToken).ConfigureAwait(false);
                break;
            default:
                await BdbSteps.FailActionAsync(context, action, $"unknown state {action.State}", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static IEnumerable<ClusterCommand> Rebind(ClusterState state, int leaving)
    {
        foreach (var endpoint in state.Endpoints.Values.Where(e => e.NodeUids.Contains(leaving)))
        {
            if (state.Bdbs.GetValueOrDefault(endpoint.BdbUid) is not { } bdb)
            {
                continue;
            }
            var nodes = endpoint.NodeUids.Where(n => n != leaving).ToValueList();
            if (nodes.Count == 0 || bdb.ProxyPolicy != ProxyPolicy.Single)
            {
                nodes = ProxyPlacement.EndpointNodes(state, bdb, state.ShardsOf(bdb.Uid)).Where(n => n != leaving).ToValueList();
            }
            yield return new PutEndpoint { Endpoint = endpoint with { NodeUids = nodes } };
        }
    }
}
