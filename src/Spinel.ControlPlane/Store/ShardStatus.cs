using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Status of a shard (<c>status</c> of a shard object).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum ShardStatus
{
    [JsonStringEnumMemberName("active")]
    Active,

    [JsonStringEnumMemberName("inactive")]
    Inactive,

    [JsonStringEnumMemberName("trimming")]
    Trimming,
}
