using Spinel.ControlPlane.Placement;

namespace Spinel.ControlPlane.Operations;

/// <summary>
/// Rebalancing a database (Redis Enterprise <c>PUT /v1/bdbs/{uid}/actions/rebalance</c>): moves its shards so they follow
/// its placement policy again with the fewest moves (<see cref="Rebalancer"/>). A real run is leader only: on a follower
/// it fails with <see cref="OperationErrorKind.NotLeader"/>; a dry run answers anywhere.
/// </summary>
public interface IRebalanceOperations
{
    /// <summary>
    /// Plans the rebalance and, unless it is a dry run, stores an <c>SMMigrateShards</c> action that makes the moves one at a
    /// time (<see cref="OperationOutcome{T}.ActionUid"/>; an action with nothing to move completes at once). Errors:
    /// <c>db_not_found</c> (404), <c>db_busy</c> (409: another action runs on the database, or a node is being removed),
    /// <c>insufficient_resources</c> / <c>invalid_replication</c> (406).
    /// </summary>
    Task<OperationOutcome<RebalancePlan>> RebalanceAsync(RebalanceRequest request, CancellationToken cancellationToken);
}
