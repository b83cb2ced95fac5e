using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Spinel.ControlPlane.Events;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>The events the watchdog and the failover / migration / removal machines log, over the harness of <see cref="HighAvailabilityTests"/>.</summary>
public sealed class HighAvailabilityEventTests
{
    private readonly FakeProbe _probe = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly ClusterHealthRegistry _health;
    private readonly LeaderFence _fence = new();
    private readonly InMemoryClusterStore _store;

    public HighAvailabilityEventTests()
    {
        _health = new ClusterHealthRegistry(_clock);
        var state = ClusterStateMachine.Apply(Records.WithBdb(), new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, NodeUids = [1] } });
        _store = new InMemoryClusterStore(state);
        _probe.ReplicationAnswer = (host, port) =>
        {
            var shard = _store.Current.Shards.Values.FirstOrDefault(s => s.Port == port && _store.Current.Nodes[s.NodeUid].Address == host);
            return shard is null ? null : new ReplicationInfo(shard.Role, shard.Role == ShardRole.Replica, 100);
        };
    }

    private ClusterWatchdog NewWatchdog() => new(_store, _health, _fence, TimeProvider.System, NullLogger<ClusterWatchdog>.Instance);

    private async Task RunUntilFinishedAsync(string actionUid)
    {
        using var orchestrator = new Orchestrator(_store, _probe,
            Options.Create(new OrchestratorOptions { StepTimeout = TimeSpan.FromSeconds(5), PollInterval = TimeSpan.FromMilliseconds(5) }),
            TimeProvider.System, NullLogger<Orchestrator>.Instance, _health, _fence, new Spinel.ControlPlane.Resharding.RedisShardTrimmer());
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _store.Current.Actions[actionUid].Status is ActionStatus.Completed or ActionStatus.Failed, "the action to finish",
            TimeSpan.FromSeconds(20));
        await orchestrator.StopAsync(CancellationToken.None);
    }

    private string LatestAction(string name) => _store.Current.Actions.Values.Where(a => a.Name == name).OrderByDescending(a => a.CreationTime).First().ActionUid;

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
    public async Task ASilentNode_LogsNodeFailedThenAnAutomaticShardFailover()
    {
        Silence(1);
        await using var agents = new SimulatedAgents(_store, _health, uid => uid != 1);
        await Eventually.UntilAsync(() => _health.GetShard(2, 2) is not null, "node 2 to report", TimeSpan.FromSeconds(5));

        await NewWatchdog().CheckAsync(CancellationToken.None);
        var down = _store.Current;
        await RunUntilFinishedAsync(LatestAction(ActionNames.Failover));

        var failed = Assert.Single(down.Events);
        Assert.Equal((EventTypes.NodeFailed, 1, EventSeverity.Error), (failed.Type, failed.NodeUid, failed.Severity));
        Assert.Equal(NodeStatus.Down, down.Nodes[1].Status);
        var failover = Assert.Single(_store.Current.Events, e => e.Type == EventTypes.ShardFailover);
        Assert.True(failover.Uid > failed.Uid);
        Assert.Equal((1, 1, 1, EventSeverity.Warning), (failover.BdbUid, failover.ShardUid, failover.NodeUid, failover.Severity));
        Assert.Equal("auto", failover.Data["mode"]);
        Assert.Equal("1", failover.Data["from_node_uid"]);
        Assert.Equal("2", failover.Data["to_node_uid"]);
        Assert.Equal("2", failover.Data["new_master_shard_uid"]);
        Assert.DoesNotContain(_store.Current.Events, e => e.Type == EventTypes.ActionFailed);
    }

    [Fact]
    public async Task ANodeThatAnswersAgain_LogsNodeRecovered()
    {
        await _store.ProposeAsync(new UpdateNode { Node = _store.Current.Nodes[3] with { Status = NodeStatus.Down } }, CancellationToken.None);
        Silence();

        await NewWatchdog().CheckAsync(CancellationToken.None);

        var recovered = Assert.Single(_store.Current.Events);
        Assert.Equal((EventTypes.NodeRecovered, 3, EventSeverity.Info), (recovered.Type, recovered.NodeUid, recovered.Severity));
        Assert.Equal(NodeStatus.Active, _store.Current.Nodes[3].Status);
    }

    [Fact]
    public async Task AManualFailover_LogsOneManualShardFailover()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true);

        var outcome = await new ShardOperations(_store, TimeProvider.System).FailoverAsync(new ShardFailoverRequest([1]), CancellationToken.None);
        await RunUntilFinishedAsync(outcome.ActionUid!);

        var failover = Assert.Single(_store.Current.Events);
        Assert.Equal((EventTypes.ShardFailover, 1, EventSeverity.Info), (failover.Type, failover.ShardUid, failover.Severity));
        Assert.Equal("manual", failover.Data["mode"]);
        Assert.Equal(outcome.ActionUid, failover.ActionUid);
    }

    [Fact]
    public async Task AMigration_LogsItsStartAndItsEnd()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true);

        var outcome = await new ShardOperations(_store, TimeProvider.System).MigrateAsync(new ShardMigrateRequest([1], 3), CancellationToken.None);
        Assert.Equal([EventTypes.MigrationStarted], _store.Current.Events.Select(e => e.Type));
        await RunUntilFinishedAsync(outcome.ActionUid!);

        Assert.Equal([EventTypes.MigrationStarted, EventTypes.MigrationCompleted], _store.Current.Events.Select(e => e.Type));
        Assert.All(_store.Current.Events, e => Assert.Equal((1, outcome.ActionUid), (e.BdbUid, e.ActionUid)));
    }

    [Fact]
    public async Task RemovingANode_LogsClusterNodeRemovedWithTheRemoval()
    {
        Silence();
        await using var agents = new SimulatedAgents(_store, _health, _ => true);

        var outcome = await new NodeOperations(_store, NullLogger<NodeOperations>.Instance, TimeProvider.System).RemoveAsync(1, CancellationToken.None);
        await RunUntilFinishedAsync(outcome.ActionUid!);

        var removed = Assert.Single(_store.Current.Events, e => e.Type == EventTypes.NodeRemoved);
        Assert.Equal(1, removed.NodeUid);
        var batch = _store.Proposed.OfType<Batch>().Single(b => b.Commands.Any(c => c is RemoveNode));
        Assert.Contains(batch.Commands, c => c is AppendEvents a && a.Events.Any(e => e.Type == EventTypes.NodeRemoved));
    }
}
