namespace Spinel.ControlPlane;

/// <summary>How a proposal ended.</summary>
public enum ProposeStatus
{
    /// <summary>Committed and applied; <see cref="ProposeResult.State"/> is the state it produced.</summary>
    Applied,

    /// <summary>Committed, but the state machine rejected it (version conflict, missing object ...); the state is unchanged.</summary>
    Rejected,

    /// <summary>This node is not the leader; <see cref="ProposeResult.Leader"/> names the one it knows of, if any.</summary>
    NotLeader,

    /// <summary>No majority is reachable (no leader is known, or the leader lost its followers).</summary>
    NoQuorum,

    /// <summary>The commit was not seen in time; the command may still be applied later.</summary>
    Unknown,
}
