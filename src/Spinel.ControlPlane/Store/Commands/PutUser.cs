namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates (uid 0 assigns the next uid) or replaces a user; name and e-mail must be unique.</summary>
public sealed record PutUser : ClusterCommand
{
    public required UserRecord User { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
