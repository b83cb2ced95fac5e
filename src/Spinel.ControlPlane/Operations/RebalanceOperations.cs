using System.Globalization;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Operations;

/// <summary>Plans database rebalances and stores the actions that carry them out.</summary>
public sealed class RebalanceOperations(IClusterStore store, TimeProvider time) : IRebalanceOperations
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<OperationOutcome<RebalancePlan>> RebalanceAsync(RebalanceRequest request, CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            return Decide(store.Current, request);
        }
        if (!store.IsLeader)
        {
            return OperationOutcome.Fail<RebalancePlan>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader");
        }
        // One decision at a time, so two rebalances of one database cannot both pass the busy check.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = store.Current;
            if (state.Bdbs.ContainsKey(request.BdbUid) && Busy(state, request.BdbUid) is { } busy)
            {
                return OperationOutcome.Fail<RebalancePlan>(busy);
            }
            var decided = Decide(state, request);
            if (decided.Value is not { } plan)
            {
                return decided;
            }
            var action = NewAction(plan);
            var result = await store.ProposeAsync(new PutAction { Action = action, ExpectedVersion = 0, ExpectedClusterVersion = state.Version },
                cancellationToken).ConfigureAwait(false);
            return result.Status switch
            {
                ProposeStatus.Applied => OperationOutcome.Ok(plan, action.ActionUid),
                ProposeStatus.Rejected => OperationOutcome.Fail<RebalancePlan>(OperationErrorKind.Busy, "busy", "the cluster changed while the rebalance was planned; retry"),
                ProposeStatus.NotLeader => OperationOutcome.Fail<RebalancePlan>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader"),
                _ => OperationOutcome.Fail<RebalancePlan>(OperationErrorKind.Unavailable, "no_quorum", result.Description),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    private static OperationOutcome<RebalancePlan> Decide(ClusterState state, RebalanceRequest request)
    {
        if (request.OnlyFailovers && state.Bdbs.ContainsKey(request.BdbUid))
        {
            return OperationOutcome.Ok(new RebalancePlan { BdbUid = request.BdbUid, Blueprint = Rebalancer.BlueprintAfter(state, request.BdbUid, []) });
        }
        var result = Rebalancer.Plan(state, request.BdbUid, request.MaxOperations);
        return result.Succeeded ? OperationOutcome.Ok(result.Plan) : OperationOutcome.Fail<RebalancePlan>(result.Error!);
    }

    private ActionRecord NewAction(RebalancePlan plan)
    {
        var bdb = plan.BdbUid.ToString(CultureInfo.InvariantCulture);
        var data = default(ValueDictionary<string, string>)
            .SetItem("shards", Handover.FormatUids(plan.Moves.Select(m => m.ShardUid)))
            .SetItem("targets", Handover.FormatUids(plan.Moves.Select(m => m.ToNodeUid)))
            .SetItem("index", "0")
            .SetItem("bdbs", bdb)
            .SetItem("rebalance", "true");
        return HaActions.New(ActionNames.MigrateShards, ActionNames.BdbObject(plan.BdbUid), ShardMove.NextShard, data, time.GetUtcNow());
    }

    private static OperationError? Busy(ClusterState state, int bdbUid)
    {
        var running = HaActions.Occupying(state, bdbUid);
        if (running is not null)
        {
            return new OperationError(OperationErrorKind.Busy, "db_busy", $"database {bdbUid} is busy with {running.Name} ({running.ActionUid})");
        }
        // A node removal moves shards of any database and changes which nodes are active: plan after it.
        var removal = state.Actions.Values.FirstOrDefault(a => a.Name == ActionNames.RemoveNode && a.Status is ActionStatus.Pending or ActionStatus.Active);
        return removal is null
            ? null
            : new OperationError(OperationErrorKind.Busy, "db_busy", $"the cluster is busy with {removal.Name} ({removal.ActionUid}) on {removal.ObjectName}");
    }
}
