using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>
/// The watchdog's decisions and the failover / migration / removal machines, over the real state machine, a fake
/// probe and simulated heartbeats. Liveness runs on a fake clock; the machines run on the real one.
/// </summary>
public sealed class HighAvailabilityTests
{
    private readonly FakeProbe _probe = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly ClusterHealthRegistry _health;
    private readonly LeaderFence _fence = new();
    private readonly InMemoryClusterStore _store;

    public HighAvailabilityTests()
    {
        _health = new ClusterHealthRegistry(_clock);
        var state = Records.WithBdb();
        state = ClusterStateMachine.Apply(state, new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, NodeUids = [1] } });
        _store = new InMemoryClusterStore(state);
        // Every shard answers as a caught-up member of its pair unless a test says otherwise.
        _probe.ReplicationAnswer = (host, port) =>
        {
            var shard = _store.Current.Shards.Values.FirstOrDefault(s => s.Port == port && _store.Current.Nodes[s.NodeUid].Address == host);
            return shard is null ? null : new ReplicationInfo(shard.Role, shard.Role == ShardRole.Replica, 100);
        };
    }

    private ClusterWatchdog NewWatchdog() => new(_store, _health, _fence, TimeProvider.System, NullLogger<ClusterWatchdog>.Instance);

    private Orchestrator NewOrchestrator() => new(_store, _probe,
        Options.Create(new OrchestratorOptions { StepTimeout = TimeSpan.FromSeconds(5), PollInterval = TimeSpan.FromMilliseconds(5) }),
        TimeProvider.System, NullLogger<Orchestrator>.Instance, _health, _fence, new Spinel.ControlPlane.Resharding.RedisShardTrimmer());

    private async Task<ActionRecord> RunUntilFinishedAsync(Func<ActionRecord?> find)
    {
        using var orchestrator = NewOrchestrator();
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => find()?.Status is ActionStatus.Completed or ActionStatus.Failed, "the action to finish", TimeSpan.FromSeconds(20));
        await orchestrator.StopAsync(CancellationToken.None);
        return find()!;
    }

    private ActionRecord? Latest(string name) =>
        _store.Current.Actions.Values.Where(a => a.Name == name).OrderByDescending(a => a.CreationTime).FirstOrDefault();

    // Every node is heard now; then the clock moves past the node timeout and only the given nodes are heard again.
    private void Silence(params int[] silent)
    {
        foreach (var uid in _store.Current.Nodes.Keys)
        {
            _health.Record(new NodeReport { NodeUid = uid, TopologyVersion = _store.Current.Version });
        }
        _clock.Advance(TimeSpan.FromSeconds(2));
        foreach (var uid in _store.Current.Nodes.Keys.Except(silent))
        {
            _health.Record(new NodeReport { NodeUid = uid, TopologyVersion = _store.Current.Version });
        }
    }

    [Fact]
    public async Task ADownNodeNeverHeardFrom_StaysDown_UntilItsFirstHeartbeat()
    {
        // As after a cluster recovery: the lost nodes are down in the store and this leader never heard from them.
        var node3 = _store.Current.Nodes[3];
        await _store.ProposeAsync(new UpdateNode { Node = node3 with { Status = NodeStatus.Down }, ExpectedVersion = node3.Version }, CancellationToken.None);

        await NewWatchdog().CheckAsync(CancellationToken.None);
        Assert.Equal(NodeStatus.Down, _store.Current.Nodes[3].Status);

        _health.Record(new NodeReport { NodeUid = 3, TopologyVersion = _store.Current.Version });
        await NewWatchdog().CheckAsync(CancellationToken.None);
        Assert.Equal(NodeStatus.Active, _store.Current.Nodes[3].Status);
    }

    [Fact]
    public async Task ASilentNodeIsMarkedDownAndItsMasterFailsOverToTheReplica()
    {
        Silence(1);
        await using var agents = new SimulatedAgents(_store, _health, uid => uid != 1);
        await Eventually.UntilAsync(() => _health.GetShard(2, 2) is not null, "node 2 to report", TimeSpan.FromSeconds(5));

        await NewWatchdog().CheckAsync(CancellationToken.None);

        Assert.Equal(NodeStatus.Down, _store.Current.Nodes[1].Status);
        var failover = Latest(ActionNames.Failover);
        Assert.NotNull(failover);
        Assert.Equal("1", failover.Data.GetValueOrDefault("masters"));
        Assert.Equal("auto", failover.Data.GetValueOrDefault("mode"));

        var done = await RunUntilFinishedAsync(() => Latest(ActionNames.Failover));

        Assert.Equal(ActionStatus.Completed, done.Status);
        var state = _store.Current;
        Assert.Equal(ShardRole.Master, state.Shards[2].Role);
        Assert.Null(state.Shards[2].ReplicaOf);
        Assert.Equal(ShardRole.Replica, state.Shards[1].Role);
        Assert.Equal(2, state.Shards[1].ReplicaOf);
        Assert.All(state.Shards.Values, s => Assert.False(s.Held));
        Assert.Equal([2], state.Endpoints["1:1"].NodeUids.ToArray());
        Assert.True(_fence.Version > 0);
    }

    [Fact]
    public async Task ACrashedMasterFailsOverWhileItsNodeLives()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true,
            (shard, report) => shard.Uid == 1 && shard.Role == ShardRole.Master ? report with { State = ReportedShardState.Crashed, AwaitingDecision = true } : report);
        await Eventually.UntilAsync(() => _health.GetShard(1, 1)?.AwaitingDecision == true, "node 1 to report the crash", TimeSpan.FromSeconds(5));

        await NewWatchdog().CheckAsync(CancellationToken.None);
        var done = await RunUntilFinishedAsync(() => Latest(ActionNames.Failover));

        Assert.Equal(ActionStatus.Completed, done.Status);
        Assert.Equal(NodeStatus.Active, _store.Current.Nodes[1].Status);
        Assert.Equal(ShardRole.Master, _store.Current.Shards[2].Role);
        Assert.Equal(2, _store.Current.Shards[1].ReplicaOf);
        Assert.Equal([1], _store.Current.Endpoints["1:1"].NodeUids.ToArray());
    }

    [Fact]
    public async Task ACrashedMasterWhoseReplicaIsGoneMayStartAgain()
    {
        Silence(2);
        await using var agents = new SimulatedAgents(_store, _health, uid => uid != 2,
            (shard, report) => shard.Uid == 1 ? report with { State = ReportedShardState.Crashed, AwaitingDecision = true } : report);
        await Eventually.UntilAsync(() => _health.GetShard(1, 1)?.AwaitingDecision == true, "node 1 to report the crash", TimeSpan.FromSeconds(5));

        await NewWatchdog().CheckAsync(CancellationToken.None);

        Assert.Null(Latest(ActionNames.Failover));
        Assert.Equal(1, _store.Current.Shards[1].Generation);
        Assert.Equal(ShardRole.Master, _store.Current.Shards[1].Role);
    }

    [Fact]
    public async Task APersistentDatabasesMasterWaitsForItsReplicaRatherThanStartingEmpty()
    {
        // After a total outage: the replica (on node 2, not back yet) holds the files; the master (node 1) has none.
        var bdb = _store.Current.Bdbs[1];
        var persisted = await _store.ProposeAsync(new PutBdb { Bdb = bdb with { DataPersistence = DataPersistence.Aof }, ExpectedVersion = bdb.Version },
            CancellationToken.None);
        Assert.Equal(ProposeStatus.Applied, persisted.Status);
        Silence(2);
        await using var agents = new SimulatedAgents(_store, _health, uid => uid != 2,
            (shard, report) => shard.Uid == 1 ? report with { State = ReportedShardState.Crashed, AwaitingDecision = true } : report);
        await Eventually.UntilAsync(() => _health.GetShard(1, 1)?.AwaitingDecision == true, "node 1 to report the crash", TimeSpan.FromSeconds(5));

        await NewWatchdog().CheckAsync(CancellationToken.None);

        Assert.Null(Latest(ActionNames.Failover));
        Assert.Equal(0, _store.Current.Shards[1].Generation);
    }

    [Fact]
    public async Task AHealthyClusterIsLeftAlone()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        await Eventually.UntilAsync(() => _health.GetShard(1, 1) is not null, "reports", TimeSpan.FromSeconds(5));
        var before = _store.Current.Version;

        await NewWatchdog().CheckAsync(CancellationToken.None);

        Assert.Equal(before, _store.Current.Version);
    }

    [Fact]
    public async Task AManualFailoverHoldsTheSlotsUntilTheReplicaCatchesUp()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var lagging = true;
        _probe.ReplicationAnswer = (host, port) => port == 20001
            ? new ReplicationInfo(_store.Current.Shards[2].Role, true, lagging ? 90 : 100)
            : new ReplicationInfo(_store.Current.Shards[1].Role, null, 100);
        var operations = new ShardOperations(_store, TimeProvider.System);

        var outcome = await operations.FailoverAsync(new ShardFailoverRequest([1]), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        using var orchestrator = NewOrchestrator();
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _store.Current.Actions[outcome.ActionUid!].State == FailoverMachine.WaitForSync && _store.Current.Shards[1].Held,
            "the slots to be held", TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.Equal(ShardRole.Master, _store.Current.Shards[1].Role);
        lagging = false;
        await Eventually.UntilAsync(() => _store.Current.Actions[outcome.ActionUid!].Status == ActionStatus.Completed, "the failover", TimeSpan.FromSeconds(10));
        await orchestrator.StopAsync(CancellationToken.None);

        Assert.Equal(ShardRole.Master, _store.Current.Shards[2].Role);
        Assert.Equal(2, _store.Current.Shards[1].ReplicaOf);
        Assert.All(_store.Current.Shards.Values, s => Assert.False(s.Held));
    }

    [Theory]
    [InlineData(2, "shard_is_slave")]
    [InlineData(9, "shard_not_exist")]
    public async Task AManualFailoverOfAShardThatIsNoMasterIsRefused(int shardUid, string errorCode)
    {
        var outcome = await new ShardOperations(_store, TimeProvider.System).FailoverAsync(new ShardFailoverRequest([shardUid]), CancellationToken.None);

        Assert.Equal(errorCode, outcome.Error!.ErrorCode);
        Assert.Empty(_store.Current.Actions);
    }

    [Fact]
    public async Task AManualFailoverWithoutAReplicaIsRefused()
    {
        await _store.ProposeAsync(new DeleteShards { BdbUid = 1, ShardUids = [2] }, CancellationToken.None);

        var outcome = await new ShardOperations(_store, TimeProvider.System).FailoverAsync(new ShardFailoverRequest([1]), CancellationToken.None);

        Assert.Equal("no_replica", outcome.Error!.ErrorCode);
    }

    [Fact]
    public async Task MigratingAMasterMovesItsRoleAndItsReplicaFollows()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var operations = new ShardOperations(_store, TimeProvider.System);

        var refused = await operations.MigrateAsync(new ShardMigrateRequest([1], 2), CancellationToken.None);
        var outcome = await operations.MigrateAsync(new ShardMigrateRequest([1], 3), CancellationToken.None);

        Assert.Equal("invalid_target_node", refused.Error!.ErrorCode);
        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        var done = await RunUntilFinishedAsync(() => _store.Current.Actions.GetValueOrDefault(outcome.ActionUid!));
        Assert.Equal(ActionStatus.Completed, done.Status);
        var state = _store.Current;
        Assert.False(state.Shards.ContainsKey(1));
        var moved = Assert.Single(state.Shards.Values, s => s.NodeUid == 3);
        Assert.Equal(ShardRole.Master, moved.Role);
        Assert.Equal(new SlotRange(0, 8191), Assert.Single(moved.AssignedSlots));
        Assert.Equal(moved.Uid, state.Shards[2].ReplicaOf);
        Assert.All(state.Shards.Values, s => Assert.False(s.Held));
    }

    [Fact]
    public async Task AReplicaOfANodeDownPastTheGracePeriodIsRecreatedElsewhere()
    {
        await _store.ProposeAsync(new UpdateCluster { Cluster = _store.Current.Cluster! with { SlaveHaGracePeriod = 1 } }, CancellationToken.None);
        Silence(2);
        await using var agents = new SimulatedAgents(_store, _health, uid => uid != 2);
        var watchdog = NewWatchdog();

        await watchdog.CheckAsync(CancellationToken.None);
        Assert.Equal(NodeStatus.Down, _store.Current.Nodes[2].Status);
        await watchdog.CheckAsync(CancellationToken.None);

        var rescue = Latest(ActionNames.MigrateShards);
        Assert.NotNull(rescue);
        var done = await RunUntilFinishedAsync(() => Latest(ActionNames.MigrateShards));
        Assert.Equal(ActionStatus.Completed, done.Status);
        var replica = Assert.Single(_store.Current.Shards.Values, s => s.Role == ShardRole.Replica);
        Assert.Equal(3, replica.NodeUid);
        Assert.Equal(1, replica.ReplicaOf);
    }

    [Fact]
    public async Task RemovingANodeMovesItsShardsAndTakesItOut()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var operations = new NodeOperations(_store, NullLogger<NodeOperations>.Instance, TimeProvider.System);

        var outcome = await operations.RemoveAsync(1, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        var done = await RunUntilFinishedAsync(() => _store.Current.Actions.GetValueOrDefault(outcome.ActionUid!));
        Assert.Equal(ActionStatus.Completed, done.Status);
        var state = _store.Current;
        Assert.False(state.Nodes.ContainsKey(1));
        Assert.Empty(state.ShardsOnNode(1));
        var master = Assert.Single(state.Shards.Values, s => s.Role == ShardRole.Master);
        Assert.Equal(3, master.NodeUid);
        Assert.Equal(master.Uid, state.Shards[2].ReplicaOf);
        Assert.DoesNotContain(1, state.Endpoints["1:1"].NodeUids);
    }
}
