using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.Api.Json;

/// <summary>
/// What this node's heartbeat view (<see cref="IClusterHealth"/>) says of a shard: the last report of the node that
/// runs it, trusted for status only while younger than the cluster's node timeout.
/// </summary>
internal sealed class ShardHealthView
{
    private readonly ShardRecord _shard;
    private readonly ClusterState _state;
    private readonly IClusterHealth _health;
    private readonly bool _nodeDown;
    private readonly bool _fresh;

    public ShardHealthView(ShardRecord shard, ClusterState state, IClusterHealth health)
    {
        (_shard, _state, _health) = (shard, state, health);
        _nodeDown = state.Nodes.GetValueOrDefault(shard.NodeUid)?.Status == NodeStatus.Down;
        var node = health.GetNode(shard.NodeUid);
        ReportedAt = node?.ReceivedAt;
        _fresh = node is not null && node.Age <= HeartbeatTimings.For(state).NodeTimeout;
        Report = node is null ? null : health.GetShard(shard.Uid, shard.NodeUid);
    }

    /// <summary>The last report of the shard; null when its node never reported it to this node.</summary>
    public ShardReport? Report { get; }

    public DateTimeOffset? ReportedAt { get; }

    /// <summary>Whether a fresh report says the process does not run.</summary>
    public bool IsStopped => _fresh && Report is { } report && (IsDead(report.State) || report.AwaitingDecision);

    public string DetailedStatus => (_nodeDown, _fresh, Report) switch
    {
        (true, _, _) => "down",
        (_, false, _) or (_, _, null) => "unknown",
        (_, _, { AwaitingDecision: true }) => "down",
        (_, _, { State: ReportedShardState.Running }) => "ok",
        (_, _, { State: ReportedShardState.Starting }) => "loading",
        (_, _, { State: ReportedShardState.Unresponsive }) => "timeout",
        _ => "down",
    };

    public ShardSyncDto? Sync()
    {
        if (_shard.Role == ShardRole.Master || !_fresh || Report is not { } report)
        {
            return null;
        }
        if (report.State == ReportedShardState.Starting)
        {
            return new ShardSyncDto("in_progress");
        }
        if (IsDead(report.State))
        {
            return new ShardSyncDto("link_down");
        }
        return report.MasterLinkUp switch
        {
            true => new ShardSyncDto("idle", BytesBehind(report)),
            false => new ShardSyncDto("link_down"),
            null => null,
        };
    }

    public ShardRedisInfoDto? RedisInfo()
    {
        if (Report is not { Role: { } role } report)
        {
            return null;
        }
        var isMaster = role == ShardRole.Master;
        return new ShardRedisInfoDto
        {
            Role = isMaster ? "master" : "slave",
            MasterLinkStatus = report.MasterLinkUp is { } up ? (up ? "up" : "down") : null,
            MasterReplOffset = isMaster ? report.ReplicationOffset : null,
            SlaveReplOffset = isMaster ? null : report.ReplicationOffset,
        };
    }

    private long? BytesBehind(ShardReport replica)
    {
        if (_shard.ReplicaOf is not { } masterUid || _state.Shards.GetValueOrDefault(masterUid) is not { } master
            || _health.GetShard(masterUid, master.NodeUid) is not { } masterReport)
        {
            return null;
        }
        return Math.Max(0, masterReport.ReplicationOffset - replica.ReplicationOffset);
    }

    private static bool IsDead(ReportedShardState state) =>
        state is ReportedShardState.Crashed or ReportedShardState.Failed or ReportedShardState.Stopped;
}
