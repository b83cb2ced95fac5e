namespace Spinel.Model;

/// <summary>
/// A user that may authenticate at a database's endpoint by name (<c>AUTH user password</c>): a cluster user whose role
/// the database binds to a Redis ACL (<c>roles_permissions</c>). Immutable.
/// </summary>
public sealed record DatabaseAclUser
{
    /// <summary>The user's name, as the client sends it in <c>AUTH</c> (case-sensitive, as redis).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 digests of the passwords the user may authenticate with (redis's <c>#&lt;hash&gt;</c>), so
    /// the data path never holds a clear password of a cluster user.
    /// </summary>
    public IReadOnlyList<string> PasswordDigests { get; init; } = [];

    /// <summary>The Redis ACL rules the user has on this database (a <c>redis_acl</c>'s <c>acl</c>, e.g. <c>+@read ~app:*</c>).</summary>
    public required string Rules { get; init; }

    public bool Equals(DatabaseAclUser? other) =>
        other is not null && Name == other.Name && Rules == other.Rules &&
        PasswordDigests.SequenceEqual(other.PasswordDigests, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Name, Rules);
}
