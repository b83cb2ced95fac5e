using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

/// <summary>
/// Applies commands to the cluster state: a pure, deterministic function of (state, command), run by every node on
/// every committed log entry. It reads no clock, no randomness and nothing outside its arguments; a rejected command
/// leaves the state unchanged (the same instance) and says why.
/// </summary>
// The checks here are part of what a stored log means: a change must keep old logs applying the same way.
public static partial class ClusterStateMachine
{
    /// <summary>Returns the state after <paramref name="command"/>; the same instance when it is rejected.</summary>
    public static ClusterState Apply(ClusterState state, ClusterCommand command) => Execute(state, command).State;

    /// <summary>Applies <paramref name="command"/> and reports the rejection or the uids it assigned.</summary>
    public static CommandResult Execute(ClusterState state, ClusterCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (command is not (CreateCluster or RecoverCluster) && !state.IsCreated)
        {
            return Reject(state, RejectionCode.ClusterNotCreated, "the cluster has not been created");
        }
        if (command.ExpectedClusterVersion is { } expected && expected != state.Version)
        {
            return Reject(state, RejectionCode.VersionConflict, $"cluster is at version {state.Version}, not {expected}");
        }
        return command switch
        {
            CreateCluster c => ApplyCreateCluster(state, c),
            AddNode c => ApplyAddNode(state, c),
            UpdateNode c => ApplyUpdateNode(state, c),
            RemoveNode c => ApplyRemoveNode(state, c),
            PutBdb c => ApplyPutBdb(state, c),
            DeleteBdb c => ApplyDeleteBdb(state, c),
            PutShards c => ApplyPutShards(state, c),
            DeleteShards c => ApplyDeleteShards(state, c),
            PutEndpoint c => ApplyPutEndpoint(state, c),
            DeleteEndpoint c => ApplyDeleteEndpoint(state, c),
            PutAction c => ApplyPutAction(state, c),
            DeleteAction c => ApplyDeleteAction(state, c),
            PutUser c => ApplyPutUser(state, c),
            DeleteUser c => ApplyDeleteUser(state, c),
            Batch c => ApplyBatch(state, c),
            UpdateCluster c => ApplyUpdateCluster(state, c),
            AppendEvents c => ApplyAppendEvents(state, c),
            RecoverCluster c => ApplyRecoverCluster(state, c),
            PutRedisAcl c => ApplyPutRedisAcl(state, c),
            DeleteRedisAcl c => ApplyDeleteRedisAcl(state, c),
            PutRole c => ApplyPutRole(state, c),
            DeleteRole c => ApplyDeleteRole(state, c),
            UpdateCertificate c => ApplyUpdateCertificate(state, c),
            _ => Reject(state, RejectionCode.Malformed, $"unknown command {command.GetType().Name}"),
        };
    }

    /// <summary>The result for an entry that could not be decoded; every node decodes the same bytes the same way.</summary>
    public static CommandResult Undecodable(ClusterState state, string reason) => Reject(state, RejectionCode.Malformed, reason);

    private static CommandResult Reject(ClusterState state, RejectionCode code, string message) =>
        new() { State = state, Rejection = new CommandRejection(code, message) };

    private static CommandResult Accept(ClusterState next, ValueList<int> assignedUids = default) =>
        new() { State = next with { Version = next.Version + 1 }, AssignedUids = assignedUids };

    /// <summary>
    /// Checks an expected version against the current one (null when the object does not exist): null expects
    /// nothing, 0 expects no object, n expects version n.
    /// </summary>
    private static CommandRejection? CheckVersion(string what, long? current, long? expected) => (expected, current) switch
    {
        (null, _) => null,
        (0, null) => null,
        (0, { } v) => new(RejectionCode.VersionConflict, $"{what} already exists at version {v}"),
        (_, null) => new(RejectionCode.NotFound, $"{what} does not exist"),
        ({ } e, { } v) when e != v => new(RejectionCode.VersionConflict, $"{what} is at version {v}, not {e}"),
        _ => null,
    };

    private static CommandResult Reject(ClusterState state, CommandRejection rejection) => new() { State = state, Rejection = rejection };
}
