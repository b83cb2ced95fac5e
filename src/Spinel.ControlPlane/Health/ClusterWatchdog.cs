using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Health;

/// <summary>
/// The leader's failure detector (Redis Enterprise's cluster watchdog): from the nodes' heartbeats it marks nodes down
/// and up, starts an automatic failover for every replicated master that died or sits on a dead node, lets a lone
/// crashed master restart, moves endpoints off dead nodes, and re-creates replicas of nodes that stay down past the
/// grace period. Decisions go through the store; the orchestrator carries them out.
/// </summary>
public sealed partial class ClusterWatchdog(IClusterStore store, IClusterHealth health, LeaderFence fence, TimeProvider time, ILogger<ClusterWatchdog> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wasLeader = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var reported = health.GetChangeToken().WaitAsync(stopWaiting.Token);
            try
            {
                var isLeader = store.IsLeader;
                if (isLeader && !wasLeader)
                {
                    // Whatever the previous leader promoted is in the state this node has applied.
                    fence.Raise(store.Current.Version);
                }
                wasLeader = isLeader;
                if (isLeader)
                {
                    await CheckAsync(stoppingToken).ConfigureAwait(false);
                }
                await Task.WhenAny(reported, Task.Delay(Tick, time, stoppingToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogCheckFailed(logger, e);
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                await stopWaiting.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>One look at the cluster; public so tests can drive it without the loop.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (!state.IsCreated)
        {
            return;
        }
        var timings = HeartbeatTimings.For(state);
        bool IsAlive(int uid) => health.IsAlive(uid, timings.NodeTimeout);
        var commands = new List<ClusterCommand>();
        commands.AddRange(NodeStatusChanges(state, IsAlive));
        foreach (var bdb in state.Bdbs.Values)
        {
            if (HaActions.Moving(state, bdb.Uid) is not null)
            {
                continue;
            }
            if (FailoverFor(state, bdb, IsAlive) is { } decision)
            {
                commands.Add(decision);
                continue;
            }
            if (Handover.RebindAwayFromLostNodes(state, bdb, IsAlive) is { } rebind)
            {
                LogEndpointMoved(logger, bdb.Uid, string.Join(',', rebind.Endpoint.NodeUids));
                commands.Add(rebind);
                continue;
            }
            if (ReplicaRescueFor(state, bdb, timings) is { } rescue)
            {
                commands.Add(rescue);
            }
        }
        foreach (var command in commands)
        {
            // Each decision stands alone: one that the store refuses (a race) is simply taken again on the next look.
            var result = await store.ProposeAsync(WithEvent(state, command) with { ExpectedClusterVersion = state.Version }, cancellationToken)
                .ConfigureAwait(false);
            if (result.Status != ProposeStatus.Applied)
            {
                return;
            }
            state = result.State!;
        }
    }

    private IEnumerable<ClusterCommand> NodeStatusChanges(ClusterState state, Func<int, bool> isAlive)
    {
        foreach (var node in state.Nodes.Values)
        {
            var alive = isAlive(node.Uid);
            if (node.Status == NodeStatus.Active && !alive)
            {
                LogNodeDown(logger, node.Uid, node.Address);
                yield return new UpdateNode { Node = node with { Status = NodeStatus.Down }, ExpectedVersion = node.Version };
            }
            // Only a heartbeat brings a down node back: the grace given to a node never heard from is for one joining,
            // not for one a recovered cluster knows as lost.
            else if (node.Status == NodeStatus.Down && alive && health.GetNode(node.Uid) is not null)
            {
                LogNodeUp(logger, node.Uid, node.Address);
                yield return new UpdateNode { Node = node with { Status = NodeStatus.Active }, ExpectedVersion = node.Version };
            }
        }
    }

    // An automatic failover of every master that died and has a replica to take over; or, for a crashed master whose
    // replica cannot take over, leave to restart it.
    private ClusterCommand? FailoverFor(ClusterState state, BdbRecord bdb, Func<int, bool> isAlive)
    {
        var failed = new List<int>();
        var restarts = new List<ShardRecord>();
        foreach (var master in state.ShardsOf(bdb.Uid).Where(s => s.Role == ShardRole.Master).OrderBy(s => s.Uid))
        {
            var hasReplica = state.Shards.Values.Any(s => s.ReplicaOf == master.Uid);
            var nodeAlive = isAlive(master.NodeUid);
            var report = health.GetShard(master.Uid, master.NodeUid);
            var dead = !nodeAlive || ShardReport.SaysDown(report);
            if (!dead || !hasReplica)
            {
                continue;
            }
            if (Handover.PromotionCandidate(state, health, isAlive, master) is not null)
            {
                LogMasterFailed(logger, master.Uid, master.NodeUid, nodeAlive ? $"shard reported {report?.State}" : "node down");
                failed.Add(master.Uid);
            }
            else if (nodeAlive && report is { AwaitingDecision: true } && report.Generation >= master.Generation && Handover.MayRestartAsItIs(state, master))
            {
                LogRestartAllowed(logger, master.Uid, master.NodeUid);
                restarts.Add(master with { Generation = master.Generation + 1 });
            }
        }
        if (failed.Count > 0)
        {
            var action = HaActions.New(ActionNames.Failover, ActionNames.BdbObject(bdb.Uid), FailoverMachine.Promote,
                default(ValueDictionary<string, string>).SetItem("masters", Handover.FormatUids(failed)).SetItem("mode", "auto"), time.GetUtcNow());
            return new PutAction { Action = action, ExpectedVersion = 0 };
        }
        return restarts.Count > 0 ? new PutShards { BdbUid = bdb.Uid, Shards = restarts.ToValueList() } : null;
    }

    // Replica HA: a replica whose node stayed down past the grace period is re-created on another node.
    private ClusterCommand? ReplicaRescueFor(ClusterState state, BdbRecord bdb, HeartbeatTimings timings)
    {
        var cluster = state.Cluster!;
        if (!cluster.SlaveHa || !bdb.SlaveHa)
        {
            return null;
        }
        var grace = TimeSpan.FromSeconds(cluster.SlaveHaGracePeriod);
        if (grace < timings.NodeTimeout)
        {
            grace = timings.NodeTimeout;
        }
        bool Usable(int uid) => health.IsAlive(uid, timings.NodeTimeout);
        foreach (var replica in state.ShardsOf(bdb.Uid).Where(s => s.Role == ShardRole.Replica).OrderBy(s => s.Uid))
        {
            if (state.Nodes.GetValueOrDefault(replica.NodeUid)?.Status != NodeStatus.Down || health.IsAlive(replica.NodeUid, grace))
            {
                continue;
            }
            if (ShardTargets.Choose(state, replica, Usable) is null)
            {
                continue;
            }
            LogReplicaRescue(logger, replica.Uid, replica.NodeUid);
            var data = default(ValueDictionary<string, string>)
                .SetItem("shards", Handover.FormatUids([replica.Uid]))
                .SetItem("target", "0")
                .SetItem("index", "0")
                .SetItem("reason", "slave_ha");
            return new PutAction
            {
                Action = HaActions.New(ActionNames.MigrateShards, ActionNames.BdbObject(bdb.Uid), ShardMove.NextShard, data, time.GetUtcNow()),
                ExpectedVersion = 0,
            };
        }
        return null;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Node {Uid} ({Address}) stopped answering heartbeats: marked down")]
    private static partial void LogNodeDown(ILogger logger, int uid, string address);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Node {Uid} ({Address}) answers heartbeats again: marked active")]
    private static partial void LogNodeUp(ILogger logger, int uid, string address);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Master shard {Shard} on node {Node} failed ({Reason}): automatic failover")]
    private static partial void LogMasterFailed(ILogger logger, int shard, int node, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Master shard {Shard} on node {Node} crashed and no replica can take over: it starts again empty")]
    private static partial void LogRestartAllowed(ILogger logger, int shard, int node);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Replica shard {Shard} on node {Node} is lost past the grace period: re-creating it elsewhere")]
    private static partial void LogReplicaRescue(ILogger logger, int shard, int node);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Endpoint of bdb {Bdb} moved off lost nodes; now bound on {Nodes}")]
    private static partial void LogEndpointMoved(ILogger logger, int bdb, string nodes);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "Watchdog check failed; trying again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
