using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Events;

/// <summary>The REST names of the database settings an update changes, for the event that reports it.</summary>
internal static class BdbChanges
{
    public static IReadOnlyList<string> Between(BdbRecord before, BdbRecord after)
    {
        var changed = new List<string>();
        void Check(string name, bool differs)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }
        Check("name", before.Name != after.Name);
        Check("memory_size", before.MemorySize != after.MemorySize);
        Check("shards_count", before.ShardsCount != after.ShardsCount);
        Check("replication", before.Replication != after.Replication);
        Check("sharding", before.Sharding != after.Sharding);
        Check("shard_key_regex", before.ShardKeyRegex != after.ShardKeyRegex);
        Check("shards_placement", before.ShardsPlacement != after.ShardsPlacement);
        Check("proxy_policy", before.ProxyPolicy != after.ProxyPolicy);
        Check("port", before.Port != after.Port);
        Check("authentication_redis_pass", before.AuthenticationRedisPass != after.AuthenticationRedisPass);
        Check("data_persistence", before.DataPersistence != after.DataPersistence);
        Check("aof_policy", before.AofPolicy != after.AofPolicy);
        Check("eviction_policy", before.EvictionPolicy != after.EvictionPolicy);
        Check("max_connections", before.MaxConnections != after.MaxConnections);
        Check("slave_ha", before.SlaveHa != after.SlaveHa);
        Check("redis_version", before.RedisVersion != after.RedisVersion);
        return changed;
    }
}
