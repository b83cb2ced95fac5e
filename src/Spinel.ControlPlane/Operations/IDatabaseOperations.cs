using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Operations;

/// <summary>
/// Database changes that need the orchestrator: each validates against the current cluster (names, ports, resources,
/// running actions), writes the decision through the store and starts a state machine that finishes the work.
/// Leader only: on a follower every method fails with <see cref="OperationErrorKind.NotLeader"/>.
/// </summary>
public interface IDatabaseOperations
{
    /// <summary>
    /// Creates a database from a record whose fields are already valid one by one (the REST layer checks types, ranges
    /// and names). Uid 0 assigns the next uid, port 0 the next free endpoint port. Returns the stored record (status
    /// <c>pending</c>) and the uid of its <c>SMCreateBDB</c> action.
    /// </summary>
    Task<OperationOutcome<BdbRecord>> CreateAsync(BdbRecord requested, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a database's configuration with <paramref name="desired"/>, whose <see cref="BdbRecord.Version"/> must be
    /// the version it was derived from (a concurrent change fails with <c>busy</c>). Returns the stored record (status
    /// <c>active-change-pending</c>) and the uid of its <c>SMUpdateBDB</c> action.
    /// </summary>
    Task<OperationOutcome<BdbRecord>> UpdateAsync(BdbRecord desired, CancellationToken cancellationToken);

    /// <summary>Starts deleting a database (status <c>delete-pending</c>); returns the uid of its <c>SMDeleteBDB</c> action.</summary>
    Task<OperationOutcome<BdbRecord>> DeleteAsync(int uid, CancellationToken cancellationToken);
}
