using System.Net;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane;

/// <summary>
/// The Raft-replicated cluster configuration as this node sees it. Reads are local and never block; writes go through
/// the leader's log. Thread-safe.
/// </summary>
public interface IClusterStore
{
    /// <summary>The state after the last entry this node applied; answers with or without a quorum.</summary>
    ClusterState Current { get; }

    /// <summary>A token that fires once when <see cref="Current"/> changes after this call.</summary>
    IChangeToken GetChangeToken();

    /// <summary>Whether this node is the leader and has committed an entry of its term.</summary>
    bool IsLeader { get; }

    /// <summary>Raft endpoint of the leader this node knows of; null during an election or without a quorum.</summary>
    EndPoint? LeaderRaftEndPoint { get; }

    /// <summary>Whether this node is part of a majority that has a leader.</summary>
    bool HasQuorum { get; }

    /// <summary>
    /// Raft endpoints of the members as this node last learned them: on a member, the committed membership; a node that
    /// waits to be added knows none, or the list it saw while the leader was catching it up.
    /// </summary>
    IReadOnlyCollection<EndPoint> Members { get; }

    /// <summary>
    /// Replicates <paramref name="command"/> through the log (leader only) and completes once it is committed and applied
    /// on this node, with the resulting state or the rejection. Never waits longer than
    /// <see cref="ControlPlaneOptions.ProposeTimeout"/>: a follower answers <see cref="ProposeStatus.NotLeader"/> at once, a
    /// node without a quorum <see cref="ProposeStatus.NoQuorum"/> within about one election timeout.
    /// </summary>
    Task<ProposeResult> ProposeAsync(ClusterCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a node (started with an empty membership) to the Raft membership after catching it up (leader only). Returns
    /// false when it could not be added in <see cref="ControlPlaneOptions.MembershipChangeTimeout"/> or is a member already;
    /// throws <see cref="NotClusterLeaderException"/> on a follower.
    /// </summary>
    Task<bool> AddMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken);

    /// <summary>Removes a member from the Raft membership (leader only); false when it is no member; throws <see cref="NotClusterLeaderException"/> on a follower.</summary>
    Task<bool> RemoveMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken);
}
