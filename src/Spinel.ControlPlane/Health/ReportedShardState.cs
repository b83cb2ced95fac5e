using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Health;

/// <summary>Where a shard process stands on its node, as its agent reports it.</summary>
public enum ReportedShardState
{
    [JsonStringEnumMemberName("starting")]
    Starting,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("crashed")]
    Crashed,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("stopped")]
    Stopped,

    [JsonStringEnumMemberName("unresponsive")]
    Unresponsive,
}
