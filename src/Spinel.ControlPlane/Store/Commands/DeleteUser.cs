namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Deletes a user; rejected for the last admin.</summary>
public sealed record DeleteUser : ClusterCommand
{
    public required int Uid { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
