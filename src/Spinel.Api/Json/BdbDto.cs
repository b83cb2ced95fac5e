namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>bdb</c> object as this API writes it.</summary>
internal sealed record BdbDto
{
    public int Uid { get; init; }
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    public string Version { get; init; } = "";
    public long MemorySize { get; init; }
    public int ShardsCount { get; init; }
    public bool Replication { get; init; }
    public bool Sharding { get; init; }
    public IReadOnlyList<ShardKeyRegexDto> ShardKeyRegex { get; init; } = [];
    public string ShardsPlacement { get; init; } = "";
    public string ProxyPolicy { get; init; } = "";
    public int Port { get; init; }
    public IReadOnlyList<BdbEndpointDto> Endpoints { get; init; } = [];
    public string AuthenticationRedisPass { get; init; } = "";

    /// <summary>Whether clients may authenticate as the default user with the database's passwords.</summary>
    public bool DefaultUser { get; init; }

    /// <summary><c>enabled</c> when clients must use TLS (verified against the cluster CA), else <c>disabled</c>.</summary>
    public string TlsMode { get; init; } = "";

    public string EnforceClientAuthentication { get; init; } = "disabled";

    public IReadOnlyList<RolePermissionDto> RolesPermissions { get; init; } = [];
    public IReadOnlyList<ClientCertificateDto> AuthenticationSslClientCerts { get; init; } = [];
    public string DataPersistence { get; init; } = "";
    public string AofPolicy { get; init; } = "";

    public IReadOnlyList<SnapshotRuleDto> SnapshotPolicy { get; init; } = [];

    public bool MasterPersistence { get; init; }
    public string EvictionPolicy { get; init; } = "";
    public bool OssCluster { get; init; }
    public int MaxConnections { get; init; }

    /// <summary>Whether replicas lost with a node are re-created elsewhere; the cluster's <c>slave_ha</c> must allow it too.</summary>
    public bool SlaveHa { get; init; }
    public bool Backup { get; init; }
    public int BackupInterval { get; init; }
    public int BackupIntervalOffset { get; init; }
    public BackupLocationDto? BackupLocation { get; init; }
    public int BackupHistory { get; init; }

    /// <summary><c>exporting</c> while a backup runs, then <c>succeeded</c> or <c>failed</c>; empty before the first.</summary>
    public string BackupStatus { get; init; } = "";
    public double BackupProgress { get; init; }
    public string? BackupFailureReason { get; init; }
    public string? LastBackupTime { get; init; }
    public string Status { get; init; } = "";
    public IReadOnlyList<int> ShardList { get; init; } = [];
    public string? CreatedTime { get; init; }
    public string? LastChangedTime { get; init; }

    /// <summary>Set only in the answer of a change: the state machine that carries it out.</summary>
    public string? ActionUid { get; init; }
}

/// <summary>One rule of <c>shard_key_regex</c>.</summary>
internal sealed record ShardKeyRegexDto(string Regex);

internal sealed record SnapshotRuleDto(int Secs, int Writes);

/// <summary>One entry of a bdb's <c>endpoints</c>.</summary>
internal sealed record BdbEndpointDto
{
    public string Uid { get; init; } = "";
    public string DnsName { get; init; } = "";
    public int Port { get; init; }
    public IReadOnlyList<string> Addr { get; init; } = [];
    public string ProxyPolicy { get; init; } = "";
    public string AddrType { get; init; } = "internal";
}

/// <summary>Where periodic backups go: a directory on the nodes' disks.</summary>
internal sealed record BackupLocationDto(string Type, string Path);

/// <summary>A trusted client certificate, as PEM.</summary>
internal sealed record ClientCertificateDto(string ClientCert);
