using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Status of a node, as Redis Enterprise names it (<c>status</c> of a node object).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum NodeStatus
{
    [JsonStringEnumMemberName("active")]
    Active,

    [JsonStringEnumMemberName("provisioning")]
    Provisioning,

    [JsonStringEnumMemberName("decommissioning")]
    Decommissioning,

    [JsonStringEnumMemberName("down")]
    Down,
}
