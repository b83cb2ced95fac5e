using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Operations;

/// <summary>Cluster membership changes. Leader only: on a follower every method fails with <see cref="OperationErrorKind.NotLeader"/>.</summary>
public interface INodeOperations
{
    /// <summary>
    /// Adds a node that runs its cluster store with an empty membership: catches its Raft member up, adds it to the
    /// membership and stores its record (uid 0 assigns the next). Joining again with the same Raft endpoint returns
    /// the existing record, so a joiner that lost the answer can retry.
    /// </summary>
    Task<OperationOutcome<NodeRecord>> JoinAsync(NodeRecord candidate, CancellationToken cancellationToken);

    /// <summary>
    /// Starts removing a node (status <c>decommissioning</c>): its shards and endpoints move to other nodes, then it
    /// leaves the Raft membership and the store. Errors: <c>node_not_exist</c> (404), <c>node_busy</c> (409, a removal
    /// runs), <c>insufficient_resources</c> (406, nowhere to move a shard), <c>last_node</c> / quorum loss (406).
    /// </summary>
    Task<OperationOutcome<NodeRecord>> RemoveAsync(int nodeUid, CancellationToken cancellationToken);
}
