using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>
/// Rebalance end to end over the real state machine: <see cref="RebalanceOperations"/> stores the plan as an
/// <c>SMMigrateShards</c> action and the orchestrator carries it out with simulated node agents and a fake probe.
/// </summary>
public sealed class RebalanceTests
{
    private static readonly SlotRange[] Thirds = [new(0, 5460), new(5461, 10922), new(10923, 16383)];

    private readonly FakeProbe _probe = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly ClusterHealthRegistry _health;
    private readonly LeaderFence _fence = new();
    private readonly InMemoryClusterStore _store;
    private volatile bool _syncPaused;

    public RebalanceTests()
    {
        _health = new ClusterHealthRegistry(_clock);
        // Nodes 1-3; a sparse database of 3 pairs placed while only nodes 1 and 2 existed: P1@1 P2@2 P3@1, R1@2 R2@1 R3@2.
        var state = ClusterStateMachine.Apply(Records.Created(), new PutBdb
        {
            Bdb = Records.Bdb() with { ShardsCount = 3, Replication = true, ShardsPlacement = ShardsPlacement.Sparse, Status = BdbStatus.Active },
        });
        int[] masterNodes = [1, 2, 1];
        state = ClusterStateMachine.Apply(state, new PutShards
        {
            BdbUid = 1,
            Shards = [.. masterNodes.Select((node, i) => Records.Shard(1, node, 20000 + i, uid: i + 1) with { AssignedSlots = [Thirds[i]] })],
        });
        state = ClusterStateMachine.Apply(state, new PutShards
        {
            BdbUid = 1,
            Shards = [.. masterNodes.Select((node, i) => Records.Shard(1, 3 - node, 20010 + i, uid: i + 4, replicaOf: i + 1) with { AssignedSlots = [Thirds[i]] })],
        });
        _store = new InMemoryClusterStore(state);
        _probe.ReplicationAnswer = (host, port) =>
        {
            var shard = _store.Current.Shards.Values.FirstOrDefault(s => s.Port == port && _store.Current.Nodes[s.NodeUid].Address == host);
            return shard is null || (_syncPaused && shard.Role == ShardRole.Replica) ? null : new ReplicationInfo(shard.Role, shard.Role == ShardRole.Replica, 100);
        };
        foreach (var uid in _store.Current.Nodes.Keys)
        {
            _health.Record(new NodeReport { NodeUid = uid, TopologyVersion = _store.Current.Version });
        }
    }

    private Orchestrator NewOrchestrator(TimeSpan? stepTimeout = null) => new(_store, _probe,
        Options.Create(new OrchestratorOptions { StepTimeout = stepTimeout ?? TimeSpan.FromSeconds(5), PollInterval = TimeSpan.FromMilliseconds(5) }),
        TimeProvider.System, NullLogger<Orchestrator>.Instance, _health, _fence, new Spinel.ControlPlane.Resharding.RedisShardTrimmer());

    private RebalanceOperations Operations() => new(_store, TimeProvider.System);

    private ActionRecord ActionOf(string uid) => _store.Current.Actions[uid];

    private async Task<ActionRecord> RunUntilFinishedAsync(string actionUid, TimeSpan? stepTimeout = null)
    {
        using var orchestrator = NewOrchestrator(stepTimeout);
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => ActionOf(actionUid).Status is ActionStatus.Completed or ActionStatus.Failed, "the rebalance to finish");
        await orchestrator.StopAsync(CancellationToken.None);
        return ActionOf(actionUid);
    }

    // Shard uids of moved masters change, so the layout is compared by slots: each group's master node, then replica nodes.
    private static string Layout(IEnumerable<BlueprintGroup> blueprint) =>
        string.Join(" ", blueprint.Select(g => $"{g.Slots[0]}:" + string.Join(",", g.Shards.Select(s => s.NodeUid))));

    private string CurrentLayout() => Layout(Rebalancer.BlueprintAfter(_store.Current, 1, []));

    [Fact]
    public async Task RebalanceAfterANodeJoined_ConvergesToTheDryRunBlueprint()
    {
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var dryRun = await Operations().RebalanceAsync(new RebalanceRequest(1, DryRun: true), CancellationToken.None);
        Assert.True(dryRun.Succeeded, dryRun.Error?.Description);
        Assert.Null(dryRun.ActionUid);
        Assert.Empty(_store.Current.Actions);

        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        Assert.Equal(2, outcome.Value!.Moves.Count);
        var done = await RunUntilFinishedAsync(outcome.ActionUid!);
        Assert.Equal(ActionStatus.Completed, done.Status);
        Assert.Equal(100, done.Progress);
        Assert.Equal(Layout(dryRun.Value!.Blueprint), CurrentLayout());
        Assert.Equal([2, 2, 2], _store.Current.Shards.Values.GroupBy(s => s.NodeUid).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal([1, 2, 3], _store.Current.Shards.Values.Where(s => s.Role == ShardRole.Master).Select(s => s.NodeUid).Order());
        Assert.All(_store.Current.Shards.Values, s => Assert.False(s.Held));
    }

    [Fact]
    public async Task ALeaderChangeInTheMiddleOfAMove_TheNewLeaderResumesIt()
    {
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        var expected = Layout(outcome.Value!.Blueprint);
        _syncPaused = true;

        using (var first = NewOrchestrator())
        {
            await first.StartAsync(CancellationToken.None);
            await Eventually.UntilAsync(() => ActionOf(outcome.ActionUid!).State == ShardMove.Sync, "the first move to wait for its copy's sync");
            _store.IsLeader = false;
            await first.StopAsync(CancellationToken.None);
        }
        var copies = _store.Current.Shards.Count;
        Assert.Equal(7, copies);
        _store.IsLeader = true;
        _syncPaused = false;

        var done = await RunUntilFinishedAsync(outcome.ActionUid!);

        Assert.Equal(ActionStatus.Completed, done.Status);
        Assert.Equal(expected, CurrentLayout());
        Assert.Equal(6, _store.Current.Shards.Count);
    }

    [Fact]
    public async Task AMoveWhoseCopyNeverSyncs_FailsTheActionAndLeavesTheShardsAsTheyWere()
    {
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var before = CurrentLayout();
        var shardsBefore = _store.Current.Shards;
        _syncPaused = true;
        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);

        var done = await RunUntilFinishedAsync(outcome.ActionUid!, stepTimeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(ActionStatus.Failed, done.Status);
        Assert.Equal(before, CurrentLayout());
        Assert.Equal(shardsBefore.Keys.Order(), _store.Current.Shards.Keys.Order());
        Assert.All(_store.Current.Shards.Values, s => Assert.False(s.Held));
    }

    [Fact]
    public async Task AMoveTheClusterNoLongerAllows_IsSkipped()
    {
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        await _store.ProposeAsync(new UpdateNode { Node = _store.Current.Nodes[3] with { Status = NodeStatus.Down } }, CancellationToken.None);
        var before = CurrentLayout();

        var done = await RunUntilFinishedAsync(outcome.ActionUid!);

        Assert.Equal(ActionStatus.Completed, done.Status);
        Assert.Equal(Handover.FormatUids(outcome.Value!.Moves.Select(m => m.ShardUid)), done.Data.GetValueOrDefault("skipped"));
        Assert.Equal(before, CurrentLayout());
    }

    [Fact]
    public async Task NothingToMove_AnswersAnActionThatCompletesAtOnce()
    {
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        var first = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);
        Assert.Equal(ActionStatus.Completed, (await RunUntilFinishedAsync(first.ActionUid!)).Status);

        var second = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);

        Assert.True(second.Succeeded, second.Error?.Description);
        Assert.Empty(second.Value!.Moves);
        var done = await RunUntilFinishedAsync(second.ActionUid!);
        Assert.Equal(ActionStatus.Completed, done.Status);
    }

    [Fact]
    public async Task OnlyFailovers_PlansNoMoves()
    {
        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1, DryRun: true, OnlyFailovers: true), CancellationToken.None);

        Assert.Empty(outcome.Value!.Moves);
        Assert.Equal(CurrentLayout(), Layout(outcome.Value.Blueprint));
    }

    [Fact]
    public async Task WhileAnotherActionRunsOnTheDatabase_ARebalanceIsBusy()
    {
        await _store.ProposeAsync(new PutAction { Action = Records.Action() }, CancellationToken.None);

        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);
        var dryRun = await Operations().RebalanceAsync(new RebalanceRequest(1, DryRun: true), CancellationToken.None);

        Assert.Equal(OperationErrorKind.Busy, outcome.Error!.Kind);
        Assert.Equal("db_busy", outcome.Error.ErrorCode);
        Assert.True(dryRun.Succeeded);
    }

    [Fact]
    public async Task WhileANodeIsRemoved_ARebalanceIsBusy()
    {
        await _store.ProposeAsync(new PutAction { Action = Records.Action("a-remove", "node:3") with { Name = ActionNames.RemoveNode, State = "decommission" } },
            CancellationToken.None);

        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);

        Assert.Equal("db_busy", outcome.Error!.ErrorCode);
    }

    [Fact]
    public async Task AnUnknownDatabase_IsNotFound()
    {
        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(9), CancellationToken.None);

        Assert.Equal(OperationErrorKind.NotFound, outcome.Error!.Kind);
    }

    [Fact]
    public async Task OnAFollower_ARebalanceGoesToTheLeaderButADryRunAnswers()
    {
        _store.IsLeader = false;

        var outcome = await Operations().RebalanceAsync(new RebalanceRequest(1), CancellationToken.None);
        var dryRun = await Operations().RebalanceAsync(new RebalanceRequest(1, DryRun: true), CancellationToken.None);

        Assert.Equal(OperationErrorKind.NotLeader, outcome.Error!.Kind);
        Assert.True(dryRun.Succeeded);
    }
}
