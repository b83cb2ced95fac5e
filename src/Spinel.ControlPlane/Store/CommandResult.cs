namespace Spinel.ControlPlane.Store;

/// <summary>What applying one command did: the resulting state, or the unchanged state and the rejection.</summary>
public sealed record CommandResult
{
    /// <summary>The state after the command; the very same instance as before when it was rejected.</summary>
    public required ClusterState State { get; init; }

    /// <summary>Null when the command was applied.</summary>
    public CommandRejection? Rejection { get; init; }

    /// <summary>Uids the store assigned to records given with uid 0, in the order of the command's records.</summary>
    public ValueList<int> AssignedUids { get; init; }

    public bool Accepted => Rejection is null;
}
