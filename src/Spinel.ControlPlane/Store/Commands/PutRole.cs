namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates (uid 0 assigns the next uid) or replaces a role; names are unique, and the last admin keeps admin.</summary>
public sealed record PutRole : ClusterCommand
{
    public required RoleRecord Role { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
