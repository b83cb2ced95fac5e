namespace Spinel.ControlPlane.Store;

/// <summary>A user of the REST API and CLI (Redis Enterprise <c>user</c> object).</summary>
public sealed record UserRecord
{
    /// <summary>Cluster-wide user id; 0 in a <c>PutUser</c> command asks the store to assign the next one.</summary>
    public int Uid { get; init; }

    /// <summary>Unique user name (compared case-insensitively).</summary>
    public required string Name { get; init; }

    /// <summary>Unique e-mail address, also accepted as the login (compared case-insensitively); empty when none.</summary>
    public string Email { get; init; } = "";

    public UserRole Role { get; init; } = UserRole.DbViewer;

    /// <summary>Password hash in the format of the REST layer that wrote it; the store never sees a clear password.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Revision of this record, set by the store: 1 when created, +1 on every change.</summary>
    public long Version { get; init; }
}
