using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Operations;

/// <summary>
/// Manual shard operations (Redis Enterprise <c>/v1/shards/actions/...</c>, <c>rladmin failover|migrate</c>). Each
/// validates, stores an action and returns it; the orchestrator does the work. Leader only: on a follower every method
/// fails with <see cref="OperationErrorKind.NotLeader"/>.
/// </summary>
public interface IShardOperations
{
    /// <summary>
    /// Promotes the replicas of the given masters, all of one database. Errors: <c>shard_uids_required</c>,
    /// <c>shard_not_exist</c> (404), <c>shard_is_slave</c>, <c>failover_shards_different_bdb</c>, <c>no_replica</c>,
    /// <c>db_busy</c> (409).
    /// </summary>
    Task<OperationOutcome<ActionRecord>> FailoverAsync(ShardFailoverRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Moves shards to another node: a new replica there, sync, fail over when the shard was a master, remove the old
    /// one. A shard already on the target is left alone. Errors: <c>shard_uids_required</c>, <c>shard_not_exist</c>,
    /// <c>node_not_exist</c>, <c>invalid_target_node</c> (would put a master and its replica together, or no room),
    /// <c>db_busy</c>.
    /// </summary>
    Task<OperationOutcome<ActionRecord>> MigrateAsync(ShardMigrateRequest request, CancellationToken cancellationToken);
}

/// <param name="ShardUids">Master shards to fail over.</param>
/// <param name="Immediate">Promote without waiting for the replica to catch up (rladmin's <c>immediate</c>).</param>
/// <param name="DryRun">Validate only; no action is started and the outcome carries no action.</param>
public sealed record ShardFailoverRequest(IReadOnlyList<int> ShardUids, bool Immediate = false, bool DryRun = false);

/// <param name="ShardUids">Shards to move; they may belong to several databases.</param>
/// <param name="TargetNodeUid">The node that receives them.</param>
/// <param name="PreserveRoles">Fail over again afterwards so a moved master ends as a master (rladmin's <c>preserve_roles</c>).</param>
/// <param name="DryRun">Validate only.</param>
public sealed record ShardMigrateRequest(IReadOnlyList<int> ShardUids, int TargetNodeUid, bool PreserveRoles = false, bool DryRun = false);
