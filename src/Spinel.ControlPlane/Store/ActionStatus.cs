using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Status of a state-machine action (<c>status</c> of an action).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum ActionStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("active")]
    Active,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
