namespace Spinel.Model;

/// <summary>A database (Redis Enterprise <c>bdb</c>) as the data path needs it: endpoint, auth and shards; immutable.</summary>
public sealed record DatabaseConfig
{
    public required int Uid { get; init; }

    public required string Name { get; init; }

    /// <summary>Endpoint port the proxy listens on, from 10000-19999.</summary>
    public required int Port { get; init; }

    /// <summary>Password of the default user; null means no AUTH is required (while <see cref="DefaultUser"/> is on).</summary>
    public string? Password { get; init; }

    /// <summary>More passwords the default user accepts besides <see cref="Password"/> (rotation: old and new at once).</summary>
    public IReadOnlyList<string> AdditionalPasswords { get; init; } = [];

    /// <summary>Whether the default user may authenticate at all (<c>default_user</c>); off, every client must AUTH as another user.</summary>
    public bool DefaultUser { get; init; } = true;

    /// <summary>Whether a client must authenticate before its commands reach a shard.</summary>
    public bool RequiresAuth => !DefaultUser || Password is not null;

    /// <summary>Every password of the default user.</summary>
    public IEnumerable<string> Passwords => Password is null ? [] : AdditionalPasswords.Prepend(Password);

    /// <summary>Total memory limit of the database in bytes, split evenly over its master shards.</summary>
    public long MemorySizeBytes { get; init; }

    public string EvictionPolicy { get; init; } = "volatile-lru";

    /// <summary>Every shard of the database, masters and replicas.</summary>
    public IReadOnlyList<ShardConfig> Shards { get; init; } = [];

    /// <summary>Nodes whose proxies bind the endpoint.</summary>
    public IReadOnlyList<int> EndpointNodes { get; init; } = [];

    /// <summary>Most client connections the endpoint accepts at once.</summary>
    public int MaxConnections { get; init; } = 10000;

    /// <summary>
    /// The hashing rules (<c>shard_key_regex</c>) that decide each key's slot, tried in order; empty means the default
    /// rules (Redis hash tags).
    /// </summary>
    public IReadOnlyList<string> ShardKeyRegex { get; init; } = [];

    /// <summary>
    /// True when the endpoint speaks the OSS Cluster API (<c>oss_cluster</c>): clients learn the slot layout with CLUSTER
    /// SLOTS/NODES/SHARDS and go to the proxy of the node that holds each slot's master; others answer <c>-MOVED</c>.
    /// </summary>
    public bool OssCluster { get; init; }

    /// <summary>Whether clients must speak TLS to the endpoint (<c>tls_mode: enabled</c>); applies to new connections.</summary>
    public bool Tls { get; init; }

    /// <summary>
    /// With <see cref="Tls"/>, the PEM certificates a client must present one of, or one issued by
    /// (<c>enforce_client_authentication</c> with <c>authentication_ssl_client_certs</c>); empty asks no certificate.
    /// </summary>
    public IReadOnlyList<string> ClientCertificates { get; init; } = [];

    /// <summary>
    /// Users other than the default one that may authenticate at the endpoint, each with its ACL rules on this database;
    /// empty when the database binds no roles to Redis ACLs.
    /// </summary>
    public IReadOnlyList<DatabaseAclUser> AclUsers { get; init; } = [];

    public IEnumerable<ShardConfig> Masters => Shards.Where(s => s.Role == ShardRole.Master);

    public bool Equals(DatabaseConfig? other) =>
        other is not null && Uid == other.Uid && Name == other.Name && Port == other.Port && Password == other.Password &&
        AdditionalPasswords.SequenceEqual(other.AdditionalPasswords, StringComparer.Ordinal) && DefaultUser == other.DefaultUser &&
        MemorySizeBytes == other.MemorySizeBytes && EvictionPolicy == other.EvictionPolicy &&
        MaxConnections == other.MaxConnections && OssCluster == other.OssCluster && Tls == other.Tls &&
        ClientCertificates.SequenceEqual(other.ClientCertificates, StringComparer.Ordinal) && Shards.SequenceEqual(other.Shards) && EndpointNodes.SequenceEqual(other.EndpointNodes) &&
        ShardKeyRegex.SequenceEqual(other.ShardKeyRegex, StringComparer.Ordinal) && AclUsers.SequenceEqual(other.AclUsers);

    public override int GetHashCode() => HashCode.Combine(Uid, Name, Port);
}
