using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Redis <c>maxmemory-policy</c> of a database (<c>eviction_policy</c>).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum EvictionPolicy
{
    [JsonStringEnumMemberName("volatile-lru")]
    VolatileLru,

    [JsonStringEnumMemberName("volatile-ttl")]
    VolatileTtl,

    [JsonStringEnumMemberName("volatile-random")]
    VolatileRandom,

    [JsonStringEnumMemberName("volatile-lfu")]
    VolatileLfu,

    [JsonStringEnumMemberName("allkeys-lru")]
    AllKeysLru,

    [JsonStringEnumMemberName("allkeys-random")]
    AllKeysRandom,

    [JsonStringEnumMemberName("allkeys-lfu")]
    AllKeysLfu,

    [JsonStringEnumMemberName("noeviction")]
    NoEviction,
}
