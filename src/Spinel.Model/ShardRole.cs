namespace Spinel.Model;

/// <summary>Replication role of a shard, as Redis Enterprise names it.</summary>
public enum ShardRole
{
    Master,
    Replica,
}
