using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Kind of database (<c>type</c> of a bdb).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum BdbType
{
    [JsonStringEnumMemberName("redis")]
    Redis,

    [JsonStringEnumMemberName("memcached")]
    Memcached,
}
