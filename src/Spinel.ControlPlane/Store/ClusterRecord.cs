namespace Spinel.ControlPlane.Store;

/// <summary>The cluster itself (Redis Enterprise <c>cluster</c> object); exists once the cluster is created.</summary>
public sealed record ClusterRecord
{
    /// <summary>Cluster name, an FQDN such as <c>cluster.local</c>; database DNS names end with it.</summary>
    public required string Name { get; init; }

    /// <summary>When the cluster was created, as the proposer's clock read it.</summary>
    public required DateTimeOffset CreatedTime { get; init; }
}
