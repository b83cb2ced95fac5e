using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>fsync policy of AOF persistence (<c>aof_policy</c>).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum AofPolicy
{
    [JsonStringEnumMemberName("appendfsync-every-sec")]
    AppendFsyncEverySec,

    [JsonStringEnumMemberName("appendfsync-always")]
    AppendFsyncAlways,
}
