namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Deletes an endpoint of a database; bumps the database version.</summary>
public sealed record DeleteEndpoint : ClusterCommand
{
    public required string Uid { get; init; }

    /// <summary>When set, the command is rejected unless the database's version equals it.</summary>
    public long? ExpectedBdbVersion { get; init; }
}
