namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Deletes a Redis ACL; rejected for Full Access and for an ACL a database still binds.</summary>
public sealed record DeleteRedisAcl : ClusterCommand
{
    public required int Uid { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it.</summary>
    public long? ExpectedVersion { get; init; }
}
