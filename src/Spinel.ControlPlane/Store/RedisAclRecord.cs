namespace Spinel.ControlPlane.Store;

/// <summary>A named set of Redis ACL rules that databases bind to roles (Redis Enterprise <c>redis_acl</c> object).</summary>
public sealed record RedisAclRecord
{
    /// <summary>The uid of the predefined <see cref="FullAccess"/> ACL.</summary>
    public const int FullAccessUid = 1;

    /// <summary>The predefined ACL every cluster has: every command on every key; it can be neither changed nor deleted.</summary>
    public static RedisAclRecord FullAccess { get; } = new() { Uid = FullAccessUid, Name = "Full Access", Acl = "+@all ~*", Version = 1 };

    /// <summary>Cluster-wide ACL id; 0 in a <c>PutRedisAcl</c> command asks the store to assign the next one.</summary>
    public int Uid { get; init; }

    /// <summary>Unique name (compared case-insensitively).</summary>
    public required string Name { get; init; }

    /// <summary>The rules, as redis's <c>ACL SETUSER</c> takes them (e.g. <c>+@read ~app:*</c>); checked by the REST layer.</summary>
    public required string Acl { get; init; }

    /// <summary>Revision of this record, set by the store: 1 when created, +1 on every change.</summary>
    public long Version { get; init; }
}
