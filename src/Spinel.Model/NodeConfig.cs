namespace Spinel.Model;

/// <summary>A cluster node as the data path and the discovery services need it: where it is and whether it is up; immutable.</summary>
public sealed record NodeConfig
{
    public required int Uid { get; init; }

    /// <summary>Address the node's endpoints, shards and services listen on.</summary>
    public required string Address { get; init; }

    /// <summary>False once the cluster has declared the node down (or while it is being removed).</summary>
    public bool Active { get; init; } = true;
}
