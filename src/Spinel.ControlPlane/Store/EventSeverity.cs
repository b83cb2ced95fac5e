using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>How much an event of the event log matters (<c>severity</c> in <c>/v1/logs</c>).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum EventSeverity
{
    [JsonStringEnumMemberName("INFO")]
    Info,

    [JsonStringEnumMemberName("WARNING")]
    Warning,

    [JsonStringEnumMemberName("ERROR")]
    Error,
}
