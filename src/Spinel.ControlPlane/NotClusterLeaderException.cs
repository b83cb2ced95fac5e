using System.Net;

namespace Spinel.ControlPlane;

/// <summary>Thrown by leader-only operations on a node that is not the Raft leader.</summary>
public sealed class NotClusterLeaderException : InvalidOperationException
{
    public NotClusterLeaderException()
        : this(null)
    {
    }

    public NotClusterLeaderException(EndPoint? leader)
        : base(leader is null ? "This node is not the cluster leader, and no leader is known." : $"This node is not the cluster leader; the leader is {leader}.")
    {
        Leader = leader;
    }

    public NotClusterLeaderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Raft endpoint of the leader this node knew of; null when none.</summary>
    public EndPoint? Leader { get; }
}
