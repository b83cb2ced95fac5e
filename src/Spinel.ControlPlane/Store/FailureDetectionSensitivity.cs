using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Cluster <c>failure_detection_sensitivity</c>: how long a silent node is tolerated before it is declared down.</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum FailureDetectionSensitivity
{
    /// <summary>Local network: a node is down after about a second of silence.</summary>
    [JsonStringEnumMemberName("high")]
    High,

    /// <summary>Cloud: tolerates a few seconds of jitter before declaring a node down.</summary>
    [JsonStringEnumMemberName("low")]
    Low,
}
