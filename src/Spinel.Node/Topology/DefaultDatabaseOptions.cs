namespace Spinel.Node.Topology;

/// <summary>The database a single node serves when no topology file is given (<c>DefaultDb</c> section).</summary>
public sealed class DefaultDatabaseOptions
{
    /// <summary><value>Default: db1.</value></summary>
    public string Name { get; set; } = "db1";

    /// <summary>Endpoint port. <value>Default: 12000.</value></summary>
    public int Port { get; set; } = 12000;

    /// <summary>Master shards. <value>Default: 3.</value></summary>
    public int Shards { get; set; } = 3;

    /// <summary>Memory limit of the whole database in MiB, split over the shards. <value>Default: 1024.</value></summary>
    public long MemoryMb { get; set; } = 1024;

    /// <summary>First shard port; shards take consecutive ports. <value>Default: 20000.</value></summary>
    public int FirstShardPort { get; set; } = 20000;

    /// <summary>Password of the default user; empty means none. <value>Default: none.</value></summary>
    public string? Password { get; set; }

    /// <summary>Redis <c>maxmemory-policy</c>. <value>Default: volatile-lru.</value></summary>
    public string EvictionPolicy { get; set; } = "volatile-lru";
}
