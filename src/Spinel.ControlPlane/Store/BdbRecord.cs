namespace Spinel.ControlPlane.Store;

/// <summary>
/// A database (Redis Enterprise <c>bdb</c> object). Its shards and endpoints are separate records that share its
/// <see cref="Version"/>: changing any of them bumps it.
/// </summary>
public sealed record BdbRecord
{
    /// <summary>Cluster-wide database id; 0 in a <c>PutBdb</c> command asks the store to assign the next one.</summary>
    public int Uid { get; init; }

    /// <summary>Unique name (letters, digits, hyphens; compared case-insensitively).</summary>
    public required string Name { get; init; }

    public BdbType Type { get; init; } = BdbType.Redis;

    /// <summary>Redis version of the shards, e.g. <c>7.0</c> (Redis Enterprise <c>redis_version</c>).</summary>
    public string RedisVersion { get; init; } = "7.0";

    /// <summary>Memory limit in bytes over all shards, replicas included; 0 means unlimited.</summary>
    public required long MemorySize { get; init; }

    /// <summary>Number of master shards.</summary>
    public int ShardsCount { get; init; } = 1;

    /// <summary>Whether every master shard has one replica on another node.</summary>
    public bool Replication { get; init; }

    /// <summary>Whether <see cref="ShardKeyRegex"/> decides the hash tag of keys.</summary>
    public bool Sharding { get; init; }

    /// <summary>Rules that extract the hashed part of a key (named group <c>tag</c>), tried in order.</summary>
    public ValueList<string> ShardKeyRegex { get; init; }

    public ShardsPlacement ShardsPlacement { get; init; } = ShardsPlacement.Dense;

    public ProxyPolicy ProxyPolicy { get; init; } = ProxyPolicy.Single;

    /// <summary>Endpoint port from 10000-19999; 0 until one is assigned.</summary>
    public int Port { get; init; }

    /// <summary>Password of the default user; null means no AUTH is required.</summary>
    public string? AuthenticationRedisPass { get; init; }

    /// <summary>More passwords of the default user (<c>/v1/bdbs/{uid}/passwords</c>), accepted besides the first one.</summary>
    public ValueList<string> AdditionalPasswords { get; init; }

    /// <summary>Whether the default user may authenticate (<c>default_user</c>).</summary>
    public bool DefaultUser { get; init; } = true;

    /// <summary>Whether clients must use TLS to the endpoint (<c>tls_mode</c>); the nodes' cluster-issued certificates serve it.</summary>
    public TlsMode TlsMode { get; init; }

    /// <summary>Whether TLS clients must present a trusted certificate (<c>enforce_client_authentication</c>).</summary>
    public bool EnforceClientAuthentication { get; init; }

    /// <summary>PEM certificates trusted for client authentication (<c>authentication_ssl_client_certs</c>): the certificate itself or its issuer.</summary>
    public ValueList<string> ClientCertificates { get; init; }

    public DataPersistence DataPersistence { get; init; } = DataPersistence.Disabled;

    public AofPolicy AofPolicy { get; init; } = AofPolicy.AppendFsyncEverySec;

    /// <summary>When a <c>snapshot</c> database writes its snapshots (<c>snapshot_policy</c>); any rule that holds triggers one.</summary>
    public ValueList<SnapshotRule> SnapshotPolicy { get; init; }

    /// <summary>
    /// Whether masters persist too (<c>master_persistence</c>); by default only a master's replica writes the files, and
    /// a master writes them only while it has no replica.
    /// </summary>
    public bool MasterPersistence { get; init; }

    public EvictionPolicy EvictionPolicy { get; init; } = EvictionPolicy.VolatileLru;

    /// <summary>Whether the database is backed up every <see cref="BackupInterval"/> into <see cref="BackupLocation"/> (<c>backup</c>).</summary>
    public bool Backup { get; init; }

    /// <summary>Seconds between periodic backups (<c>backup_interval</c>).</summary>
    public int BackupInterval { get; init; }

    /// <summary>Seconds after each interval boundary (counted from the Unix epoch, UTC) that a backup starts (<c>backup_interval_offset</c>).</summary>
    public int BackupIntervalOffset { get; init; }

    /// <summary>Absolute directory the backups go to (a <c>mount_point</c> location, shared by every node).</summary>
    public string? BackupLocation { get; init; }

    /// <summary>Days a backup is kept before the next one deletes it (<c>backup_history</c>); 0 keeps every one.</summary>
    public int BackupHistory { get; init; }

    /// <summary>How the last backup ended; null before the first one ends.</summary>
    public BackupStatus? BackupStatus { get; init; }

    public string? BackupFailureReason { get; init; }

    /// <summary>Start of the last backup that succeeded (<c>last_backup_time</c>).</summary>
    public DateTimeOffset? LastBackupTime { get; init; }

    /// <summary>Start of the last backup tried, successful or not: a failed one is retried a while after it.</summary>
    public DateTimeOffset? LastBackupAttemptTime { get; init; }

    /// <summary>Whether the endpoint speaks the OSS Cluster API (CLUSTER SLOTS, MOVED).</summary>
    public bool OssCluster { get; init; }

    /// <summary>Most client connections the endpoint accepts at once (<c>max_connections</c>); 0 means no limit.</summary>
    public int MaxConnections { get; init; }

    /// <summary>Whether replicas lost with a node are re-created elsewhere (<c>slave_ha</c>); needs the cluster's too.</summary>
    public bool SlaveHa { get; init; } = true;

    /// <summary>
    /// Which Redis ACL each role gets at the endpoint (<c>roles_permissions</c>), in order: a user holding several of
    /// the roles gets the ACL of the first entry that names one of them.
    /// </summary>
    public ValueList<RolePermission> RolesPermissions { get; init; }

    public BdbStatus Status { get; init; } = BdbStatus.Pending;

    /// <summary>When the database was created, as the proposer's clock read it.</summary>
    public DateTimeOffset CreatedTime { get; init; }

    /// <summary>When the database was last changed, as the proposer's clock read it.</summary>
    public DateTimeOffset LastChangedTime { get; init; }

    /// <summary>
    /// Revision of the database together with its shards and endpoints, set by the store: 1 when created, +1 on every
    /// change to any of them; the target of <c>ExpectedVersion</c> and <c>ExpectedBdbVersion</c>.
    /// </summary>
    public long Version { get; init; }
}
