using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Operations;

/// <summary>Validates manual failovers and migrations against the whole cluster and stores their actions.</summary>
public sealed class ShardOperations(IClusterStore store, TimeProvider time) : IShardOperations
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<OperationOutcome<ActionRecord>> FailoverAsync(ShardFailoverRequest request, CancellationToken cancellationToken) =>
        DecideAndStoreAsync(state => DecideFailover(state, request), request.DryRun, cancellationToken);

    public Task<OperationOutcome<ActionRecord>> MigrateAsync(ShardMigrateRequest request, CancellationToken cancellationToken) =>
        DecideAndStoreAsync(state => DecideMigrate(state, request), request.DryRun, cancellationToken);

    private async Task<OperationOutcome<ActionRecord>> DecideAndStoreAsync(Func<ClusterState, Decision> decide, bool dryRun, CancellationToken cancellationToken)
    {
        if (!store.IsLeader)
        {
            return OperationOutcome.Fail<ActionRecord>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader");
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = store.Current;
            var decision = decide(state);
            if (decision.Error is { } error)
            {
                return OperationOutcome.Fail<ActionRecord>(error);
            }
            if (dryRun || decision.Action is null)
            {
                return OperationOutcome.Ok(decision.Action!);
            }
            ClusterCommand put = new PutAction { Action = decision.Action, ExpectedVersion = 0 };
            if (Events.ClusterEvents.ActionStarted(decision.Action, time.GetUtcNow()) is { } started)
            {
                put = new Batch { Commands = [put, Events.ClusterEvents.Append(started)] };
            }
            var result = await store.ProposeAsync(put with { ExpectedClusterVersion = state.Version }, cancellationToken).ConfigureAwait(false);
            return result.Status switch
            {
                ProposeStatus.Applied => OperationOutcome.Ok(decision.Action, decision.Action.ActionUid),
                ProposeStatus.Rejected => OperationOutcome.Fail<ActionRecord>(OperationErrorKind.Busy, "busy", "the cluster changed while the request was decided; retry"),
                ProposeStatus.NotLeader => OperationOutcome.Fail<ActionRecord>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader"),
                _ => OperationOutcome.Fail<ActionRecord>(OperationErrorKind.Unavailable, "no_quorum", result.Description),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    private Decision DecideFailover(ClusterState state, ShardFailoverRequest request)
    {
        if (request.ShardUids.Count == 0)
        {
            return Decision.Fail(OperationErrorKind.BadRequest, "shard_uids_required", "shard_uids must name at least one master shard");
        }
        var shards = new List<ShardRecord>();
        foreach (var uid in request.ShardUids.Distinct())
        {
            if (state.Shards.GetValueOrDefault(uid) is not { } shard)
            {
                return Decision.Fail(OperationErrorKind.NotFound, "shard_not_exist", $"shard {uid} does not exist");
            }
            if (shard.Role != ShardRole.Master)
            {
                return Decision.Fail(OperationErrorKind.InvalidConfiguration, "shard_is_slave", $"shard {uid} is a replica; fail over its master instead");
            }
            shards.Add(shard);
        }
        var bdbUid = shards[0].BdbUid;
        if (shards.Any(s => s.BdbUid != bdbUid))
        {
            return Decision.Fail(OperationErrorKind.InvalidConfiguration, "failover_shards_different_bdb", "all shards of one failover must belong to one database");
        }
        if (shards.FirstOrDefault(s => !state.Shards.Values.Any(r => r.ReplicaOf == s.Uid)) is { } lone)
        {
            return Decision.Fail(OperationErrorKind.InvalidConfiguration, "no_replica", $"shard {lone.Uid} has no replica to take over (database replication is off)");
        }
        if (Busy(state, bdbUid) is { } busy)
        {
            return busy;
        }
        var data = default(ValueDictionary<string, string>)
            .SetItem("masters", Handover.FormatUids(shards.Select(s => s.Uid)))
            .SetItem("immediate", request.Immediate ? "true" : "false")
            .SetItem("mode", "manual");
        return new Decision(HaActions.New(ActionNames.Failover, ActionNames.BdbObject(bdbUid), FailoverMachine.Hold, data, time.GetUtcNow()), null);
    }

    private Decision DecideMigrate(ClusterState state, ShardMigrateRequest request)
    {
        if (request.ShardUids.Count == 0)
        {
            return Decision.Fail(OperationErrorKind.BadRequest, "shard_uids_required", "shard_uids must name at least one shard");
        }
        if (state.Nodes.GetValueOrDefault(request.TargetNodeUid) is not { } target)
        {
            return Decision.Fail(OperationErrorKind.NotFound, "node_not_exist", $"node {request.TargetNodeUid} does not exist");
        }
        if (target.Status != NodeStatus.Active)
        {
            return Decision.Fail(OperationErrorKind.InvalidConfiguration, "invalid_target_node", $"node {target.Uid} is {target.Status}, not active");
        }
        var moving = new List<ShardRecord>();
        foreach (var uid in request.ShardUids.Distinct())
        {
            if (state.Shards.GetValueOrDefault(uid) is not { } shard)
            {
                return Decision.Fail(OperationErrorKind.NotFound, "shard_not_exist", $"shard {uid} does not exist");
            }
            if (shard.NodeUid == target.Uid)
            {
                continue;
            }
            if (ShardTargets.Excluded(state, shard).Contains(target.Uid))
            {
                return Decision.Fail(OperationErrorKind.InvalidConfiguration, "invalid_target_node",
                    $"node {target.Uid} runs the master or a replica of shard {uid}; a pair never shares a node");
            }
            if (!ShardTargets.CanTake(state, shard, target.Uid))
            {
                return Decision.Fail(OperationErrorKind.InvalidConfiguration, "insufficient_resources", $"node {target.Uid} has no room for shard {uid}");
            }
            moving.Add(shard);
        }
        foreach (var bdbUid in moving.Select(s => s.BdbUid).Distinct())
        {
            if (Busy(state, bdbUid) is { } busy)
            {
                return busy;
            }
        }
        if (moving.Count == 0)
        {
            // Every shard is on the target already: nothing to do, as Redis Enterprise answers for a no-op migration.
            return new Decision(null, null);
        }
        var bdbs = moving.Select(s => s.BdbUid).Distinct().Order().ToList();
        var data = default(ValueDictionary<string, string>)
            .SetItem("shards", Handover.FormatUids(moving.Select(s => s.Uid)))
            .SetItem("target", target.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .SetItem("index", "0")
            .SetItem("bdbs", Handover.FormatUids(bdbs))
            .SetItem("preserve_roles", request.PreserveRoles ? "true" : "false");
        var objectName = bdbs.Count == 1 ? ActionNames.BdbObject(bdbs[0]) : "cluster";
        return new Decision(HaActions.New(ActionNames.MigrateShards, objectName, ShardMove.NextShard, data, time.GetUtcNow()), null);
    }

    private static Decision? Busy(ClusterState state, int bdbUid)
    {
        var running = HaActions.Occupying(state, bdbUid);
        return running is null
            ? null
            : Decision.Fail(OperationErrorKind.Busy, "db_busy", $"database {bdbUid} is busy with {running.Name} ({running.ActionUid})");
    }

    private sealed record Decision(ActionRecord? Action, OperationError? Error)
    {
        public static Decision Fail(OperationErrorKind kind, string code, string description) => new(null, new OperationError(kind, code, description));
    }
}
