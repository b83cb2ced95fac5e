namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates (uid 0, or a uid not in use) or replaces a database record; name and port must be unique.</summary>
public sealed record PutBdb : ClusterCommand
{
    public required BdbRecord Bdb { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
