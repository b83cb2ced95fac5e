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

    /// <summary>The legacy single management role; the user also holds the management role of each of <see cref="RoleUids"/>.</summary>
    public UserRole Role { get; init; } = UserRole.DbViewer;

    /// <summary>The roles the user holds (<c>role_uids</c>), each an existing <see cref="RoleRecord"/>; empty for none.</summary>
    public ValueList<int> RoleUids { get; init; }

    /// <summary>Password hash in the format of the REST layer that wrote it; the store never sees a clear password.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of each password the user may give at database endpoints (redis's <c>#hash</c> form),
    /// written by the REST layer along with <see cref="PasswordHash"/>; empty for users whose password was set before.
    /// </summary>
    public ValueList<string> RedisPasswordDigests { get; init; }

    /// <summary>Revision of this record, set by the store: 1 when created, +1 on every change.</summary>
    public long Version { get; init; }
}
