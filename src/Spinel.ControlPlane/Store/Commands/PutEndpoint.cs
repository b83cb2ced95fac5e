namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates or replaces an endpoint of a database; bumps the database version.</summary>
public sealed record PutEndpoint : ClusterCommand
{
    public required EndpointRecord Endpoint { get; init; }

    /// <summary>When set, the command is rejected unless the database's version equals it.</summary>
    public long? ExpectedBdbVersion { get; init; }
}
