namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Replaces the cluster's settings (name and certificate authority excepted).</summary>
public sealed record UpdateCluster : ClusterCommand
{
    public required ClusterRecord Cluster { get; init; }
}
