using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.ControlPlane.Tests.Orchestration;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Resharding;

/// <summary>The reshard decision and state machine over the real state machine, a fake probe and simulated heartbeats.</summary>
public sealed class ReshardTests
{
    private readonly FakeProbe _probe = new();
    private readonly FakeTrimmer _trimmer = new();
    private readonly ClusterHealthRegistry _health = new(TimeProvider.System);
    private readonly InMemoryClusterStore _store;
    private readonly DatabaseOperations _operations;

    public ReshardTests()
    {
        _store = new InMemoryClusterStore(Records.Created());
        _operations = new DatabaseOperations(_store, _probe, TimeProvider.System);
        _probe.ReplicationAnswer = (host, port) =>
        {
            var shard = _store.Current.Shards.Values.FirstOrDefault(s => s.Port == port && _store.Current.Nodes[s.NodeUid].Address == host);
            return shard is null ? null : new ReplicationInfo(shard.Role, shard.Role == ShardRole.Replica, 100);
        };
    }

    private async Task<BdbRecord> ActiveDatabaseAsync(bool replication)
    {
        var created = await _operations.CreateAsync(new BdbRecord
        {
            Name = "grow", MemorySize = 1L << 30, ShardsCount = 1, Sharding = true, Replication = replication,
            ShardsPlacement = ShardsPlacement.Sparse, ProxyPolicy = ProxyPolicy.AllNodes,
        }, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error?.Description);
        await RunAsync(created.ActionUid!);
        return _store.Current.Bdbs[created.Value!.Uid];
    }

    private async Task<ActionRecord> RunAsync(string actionUid, Func<ShardRecord, Spinel.ControlPlane.Health.ShardReport, Spinel.ControlPlane.Health.ShardReport>? adjust = null)
    {
        await using var agents = new SimulatedAgents(_store, _health, _ => true, adjust);
        using var orchestrator = new Orchestrator(_store, _probe,
            Options.Create(new OrchestratorOptions { StepTimeout = TimeSpan.FromSeconds(5), PollInterval = TimeSpan.FromMilliseconds(5) }),
            TimeProvider.System, NullLogger<Orchestrator>.Instance, _health, new LeaderFence(), _trimmer);
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _store.Current.Actions[actionUid].Status is ActionStatus.Completed or ActionStatus.Failed,
            "the action to finish", TimeSpan.FromSeconds(20));
        await orchestrator.StopAsync(CancellationToken.None);
        return _store.Current.Actions[actionUid];
    }

    [Theory]
    [InlineData(3, "multiple")]
    [InlineData(1, "multiple")]
    [InlineData(1024, "512")]
    public async Task ACountThatIsNoLargerMultipleIsRefused(int count, string said)
    {
        var bdb = await ActiveDatabaseAsync(replication: false);
        var grown = await _operations.UpdateAsync(bdb with { ShardsCount = 2 }, CancellationToken.None);
        await RunAsync(grown.ActionUid!);

        var refused = await _operations.UpdateAsync(_store.Current.Bdbs[bdb.Uid] with { ShardsCount = count }, CancellationToken.None);

        Assert.Equal("invalid_sharding", refused.Error!.ErrorCode);
        Assert.Contains(said, refused.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoublingSplitsEveryMasterIntoTwoHalvesWithReplicasAndTrimsBoth()
    {
        var bdb = await ActiveDatabaseAsync(replication: true);

        var outcome = await _operations.UpdateAsync(bdb with { ShardsCount = 2 }, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        Assert.Equal(ActionNames.ReshardBdb, _store.Current.Actions[outcome.ActionUid!].Name);
        var action = await RunAsync(outcome.ActionUid!);

        Assert.Equal(ActionStatus.Completed, action.Status);
        var state = _store.Current;
        var masters = state.ShardsOf(bdb.Uid).Where(s => s.Role == ShardRole.Master).OrderBy(s => s.AssignedSlots[0].Start).ToList();
        Assert.Equal([new SlotRange(0, 8191)], masters[0].AssignedSlots.ToArray());
        Assert.Equal([new SlotRange(8192, 16383)], masters[1].AssignedSlots.ToArray());
        Assert.All(masters, m => Assert.Single(state.Shards.Values, r => r.ReplicaOf == m.Uid && r.NodeUid != m.NodeUid));
        Assert.All(state.ShardsOf(bdb.Uid), s => Assert.False(s.Held));
        Assert.Equal(2, _trimmer.Trimmed.Count);
        Assert.Equal(BdbStatus.Active, state.Bdbs[bdb.Uid].Status);
    }

    [Fact]
    public async Task ANewShardThatNeverSyncsRollsTheReshardBack()
    {
        var bdb = await ActiveDatabaseAsync(replication: false);
        _probe.ReplicationAnswer = (_, _) => null;

        var outcome = await _operations.UpdateAsync(bdb with { ShardsCount = 2 }, CancellationToken.None);
        var action = await RunAsync(outcome.ActionUid!);

        Assert.Equal(ActionStatus.Failed, action.Status);
        var state = _store.Current;
        Assert.Single(state.ShardsOf(bdb.Uid));
        Assert.Equal(1, state.Bdbs[bdb.Uid].ShardsCount);
        Assert.Equal(BdbStatus.Active, state.Bdbs[bdb.Uid].Status);
    }

    [Fact]
    public async Task AMasterThatDiesDuringTheCopyEndsTheReshardAtOnce()
    {
        var bdb = await ActiveDatabaseAsync(replication: true);
        var master = _store.Current.ShardsOf(bdb.Uid).Single(s => s.Role == ShardRole.Master);
        _probe.ReplicationAnswer = (_, _) => null;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await _operations.UpdateAsync(bdb with { ShardsCount = 2 }, CancellationToken.None);
        var action = await RunAsync(outcome.ActionUid!, (shard, report) =>
            shard.Uid == master.Uid ? report with { State = Spinel.ControlPlane.Health.ReportedShardState.Crashed, AwaitingDecision = true } : report);

        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Contains("failed", action.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the reshard took {clock.Elapsed} to give up");
        Assert.Equal(2, _store.Current.ShardsOf(bdb.Uid).Count());
    }

    [Fact]
    public async Task AMasterThatDiesDuringTheTrimIsLeftToFailOverAndItsPromotedReplicaIsTrimmedInstead()
    {
        var bdb = await ActiveDatabaseAsync(replication: true);
        var master = _store.Current.ShardsOf(bdb.Uid).Single(s => s.Role == ShardRole.Master);
        var replica = _store.Current.ShardsOf(bdb.Uid).Single(s => s.Role == ShardRole.Replica);
        var outcome = await _operations.UpdateAsync(bdb with { ShardsCount = 2 }, CancellationToken.None);
        bool Trimming() => _store.Current.Actions[outcome.ActionUid!].State == ReshardMachine.Trim;
        var movingWhileTrimming = new List<ActionRecord?>();
        var failover = Task.Run(async () =>
        {
            // The watchdog's part: once the old master's absence holds up the trim, promote its replica.
            await Eventually.UntilAsync(() => Trimming() && _trimmer.Trimmed.Count == 1, $"the live new master to be trimmed first", TimeSpan.FromSeconds(15)).ContinueWith(t => { if (t.IsFaulted) { throw new InvalidOperationException($"{_store.Current.Actions[outcome.ActionUid!]} trimmed {string.Join(",", _trimmer.Trimmed.Keys)}"); } });
            movingWhileTrimming.Add(HaActions.Moving(_store.Current, bdb.Uid));
            var state = _store.Current;
            var promoted = await _store.ProposeAsync(new Batch { Commands = [.. Handover.Promote(state, [(state.Shards[master.Uid], state.Shards[replica.Uid])])] },
                CancellationToken.None);
            Assert.Equal(ProposeStatus.Applied, promoted.Status);
        });

        // The old master dies as the cut-over ends; the new master reports its promotion only once that death is known,
        // so the trim starts with the death on record.
        bool Promoting() => _store.Current.Actions[outcome.ActionUid!].State is ReshardMachine.WaitForPromotion or ReshardMachine.Release or ReshardMachine.Trim;
        bool DeathKnown() => _health.GetShard(master.Uid, master.NodeUid) is { State: ReportedShardState.Crashed };
        var action = await RunAsync(outcome.ActionUid!, (shard, report) => shard.Uid switch
        {
            _ when shard.Uid == master.Uid && Promoting() => report with { State = ReportedShardState.Crashed, AwaitingDecision = true },
            _ when shard.Uid != master.Uid && shard.Uid != replica.Uid && Promoting() && !DeathKnown() => report with { Role = ShardRole.Replica },
            _ => report,
        });
        await failover;

        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Null(Assert.Single(movingWhileTrimming));
        var state = _store.Current;
        string AddressOf(ShardRecord s) => $"{state.Nodes[s.NodeUid].Address}:{s.Port}";
        Assert.Contains(AddressOf(replica), _trimmer.Trimmed.Keys);
        Assert.DoesNotContain(AddressOf(master), _trimmer.Trimmed.Keys);
        Assert.Equal(2, _trimmer.Trimmed.Count);
        Assert.Equal(ShardRole.Master, state.Shards[replica.Uid].Role);
    }

    [Fact]
    public void AReshardBlocksFailoversUntilItsRoutingIsFinal()
    {
        var state = Records.Created();
        var reshard = HaActions.New(ActionNames.ReshardBdb, ActionNames.BdbObject(1), ReshardMachine.Cutover, default, DateTimeOffset.UnixEpoch);
        state = state with { Actions = state.Actions.SetItem(reshard.ActionUid, reshard) };
        Assert.NotNull(HaActions.Moving(state, 1));

        var trimming = reshard with { State = ReshardMachine.Trim };
        state = state with { Actions = state.Actions.SetItem(reshard.ActionUid, trimming) };
        Assert.Null(HaActions.Moving(state, 1));
    }
}
