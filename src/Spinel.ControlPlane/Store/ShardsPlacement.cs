using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>How the shards of a database spread over nodes (<c>shards_placement</c>).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum ShardsPlacement
{
    [JsonStringEnumMemberName("dense")]
    Dense,

    [JsonStringEnumMemberName("sparse")]
    Sparse,
}
