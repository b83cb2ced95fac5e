namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates the cluster, optionally with its first node and admin user in the same step; rejected once a cluster exists.</summary>
public sealed record CreateCluster : ClusterCommand
{
    public required ClusterRecord Cluster { get; init; }

    /// <summary>The node that creates the cluster; added as by <see cref="AddNode"/>.</summary>
    public NodeRecord? FirstNode { get; init; }

    /// <summary>The first user; added as by <see cref="PutUser"/>.</summary>
    public UserRecord? Admin { get; init; }
}
