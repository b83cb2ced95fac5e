using System.Net;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane;

/// <summary>The answer to <see cref="IClusterStore.ProposeAsync"/>.</summary>
public sealed record ProposeResult
{
    public required ProposeStatus Status { get; init; }

    /// <summary>The state right after the command was applied (or rejected); null unless it was committed.</summary>
    public ClusterState? State { get; init; }

    /// <summary>Why the state machine rejected the command; set only with <see cref="ProposeStatus.Rejected"/>.</summary>
    public CommandRejection? Rejection { get; init; }

    /// <summary>Uids the store assigned to records proposed with uid 0.</summary>
    public ValueList<int> AssignedUids { get; init; }

    /// <summary>Raft index of the entry; 0 when it was not committed.</summary>
    public long LogIndex { get; init; }

    /// <summary>
    /// Whether the command may have reached the leader's log without its commit being seen (with <see cref="ProposeStatus.NotLeader"/>,
    /// <see cref="ProposeStatus.NoQuorum"/> or <see cref="ProposeStatus.Unknown"/>): a later leader may still commit it, so a retry
    /// should carry an expected version.
    /// </summary>
    public bool MayStillApply { get; init; }

    /// <summary>The leader's Raft endpoint as this node knew it, for forwarding.</summary>
    public EndPoint? Leader { get; init; }

    /// <summary>A sentence for logs and error bodies.</summary>
    public string Description { get; init; } = "";

    public bool Succeeded => Status == ProposeStatus.Applied;
}
