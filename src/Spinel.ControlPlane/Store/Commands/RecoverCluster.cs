namespace Spinel.ControlPlane.Store.Commands;

/// <summary>
/// Starts a new cluster store from a saved configuration (a node's cluster store file), as prepared by
/// <see cref="Recovery.ClusterRecovery.Prepare"/>; rejected once a cluster exists. The version goes on from the saved one.
/// </summary>
public sealed record RecoverCluster : ClusterCommand
{
    public required ClusterState State { get; init; }
}
