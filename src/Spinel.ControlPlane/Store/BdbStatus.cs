using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Status of a database (<c>status</c> of a bdb).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum BdbStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("active")]
    Active,

    [JsonStringEnumMemberName("active-change-pending")]
    ActiveChangePending,

    [JsonStringEnumMemberName("delete-pending")]
    DeletePending,

    [JsonStringEnumMemberName("import-pending")]
    ImportPending,

    [JsonStringEnumMemberName("creation-failed")]
    CreationFailed,

    [JsonStringEnumMemberName("recovery")]
    Recovery,
}
