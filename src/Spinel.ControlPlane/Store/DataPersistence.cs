using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Persistence of a database (<c>data_persistence</c>).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum DataPersistence
{
    [JsonStringEnumMemberName("disabled")]
    Disabled,

    [JsonStringEnumMemberName("snapshot")]
    Snapshot,

    [JsonStringEnumMemberName("aof")]
    Aof,
}
