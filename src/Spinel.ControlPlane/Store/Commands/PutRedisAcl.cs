namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates (uid 0 assigns the next uid) or replaces a Redis ACL; names are unique and Full Access is immutable.</summary>
public sealed record PutRedisAcl : ClusterCommand
{
    public required RedisAclRecord RedisAcl { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
