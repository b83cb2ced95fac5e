using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Health;

/// <summary>
/// Heartbeat period, the silence after which a node is down, and the write lease an acknowledged heartbeat buys. The
/// lease is shorter than the timeout: by the time the leader declares a node down, that node has stopped taking writes.
/// </summary>
public sealed record HeartbeatTimings(TimeSpan Interval, TimeSpan NodeTimeout, TimeSpan Lease)
{
    public static HeartbeatTimings High { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(800));

    public static HeartbeatTimings Low { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(4000), TimeSpan.FromMilliseconds(3500));

    public static HeartbeatTimings For(FailureDetectionSensitivity sensitivity) =>
        sensitivity == FailureDetectionSensitivity.Low ? Low : High;

    public static HeartbeatTimings For(ClusterState state) =>
        For(state.Cluster?.FailureDetectionSensitivity ?? FailureDetectionSensitivity.High);
}
