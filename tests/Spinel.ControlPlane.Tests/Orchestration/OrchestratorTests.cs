using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Orchestration;

public sealed class OrchestratorTests
{
    private readonly FakeProbe _probe = new();
    private readonly InMemoryClusterStore _store;
    private readonly DatabaseOperations _operations;

    private readonly Spinel.ControlPlane.Health.ClusterHealthRegistry _health = new(TimeProvider.System);

    public OrchestratorTests()
    {
        var state = ClusterStateMachine.Apply(ClusterState.Empty, new CreateCluster { Cluster = Records.Cluster(), FirstNode = Records.Node(1) });
        state = ClusterStateMachine.Apply(state, new AddNode { Node = Records.Node(2) });
        state = ClusterStateMachine.Apply(state, new AddNode { Node = Records.Node(3) });
        _store = new InMemoryClusterStore(state);
        _operations = new DatabaseOperations(_store, _probe, TimeProvider.System);
    }

    private static BdbRecord Requested(string name = "cache", int port = 0, int shards = 3) => new()
    {
        Name = name,
        MemorySize = 300L << 20,
        ShardsCount = shards,
        Port = port,
        ShardsPlacement = ShardsPlacement.Sparse,
        ProxyPolicy = ProxyPolicy.AllMasterShards,
    };

    private Orchestrator NewOrchestrator(TimeSpan? stepTimeout = null) => new(_store, _probe,
        Options.Create(new OrchestratorOptions { StepTimeout = stepTimeout ?? TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromMilliseconds(5) }),
        TimeProvider.System, NullLogger<Orchestrator>.Instance, _health, new Spinel.ControlPlane.Health.LeaderFence(), new Spinel.ControlPlane.Resharding.RedisShardTrimmer());

    private async Task<ActionRecord> RunUntilFinishedAsync(string actionUid, TimeSpan? stepTimeout = null)
    {
        using var orchestrator = NewOrchestrator(stepTimeout);
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _store.Current.Actions.GetValueOrDefault(actionUid)?.Status is ActionStatus.Completed or ActionStatus.Failed,
            $"action {actionUid} to finish", TimeSpan.FromSeconds(20));
        await orchestrator.StopAsync(CancellationToken.None);
        return _store.Current.Actions[actionUid];
    }

    [Fact]
    public async Task CreateStoresDatabaseShardsAndActionTogetherThenActivates()
    {
        var outcome = await _operations.CreateAsync(Requested(), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        Assert.Single(_store.Proposed.OfType<Batch>());
        var bdb = outcome.Value!;
        Assert.Equal(BdbStatus.Pending, bdb.Status);
        Assert.Equal(12000, bdb.Port);
        Assert.Equal([1, 2, 3], _store.Current.ShardsOf(bdb.Uid).Select(s => s.NodeUid).Order());
        Assert.Equal(CreateBdbMachine.WaitForShards, _store.Current.Actions[outcome.ActionUid!].State);
        Assert.Empty(_store.Current.EndpointsOf(bdb.Uid));

        var action = await RunUntilFinishedAsync(outcome.ActionUid!);

        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal(100, action.Progress);
        Assert.Equal(BdbStatus.Active, _store.Current.Bdbs[bdb.Uid].Status);
        var endpoint = Assert.Single(_store.Current.EndpointsOf(bdb.Uid));
        Assert.Equal([1, 2, 3], endpoint.NodeUids);
        Assert.Equal(12000, endpoint.Port);
        Assert.Contains("127.0.0.2:12000", _probe.EndpointChecks);
    }

    [Fact]
    public async Task ShardsThatNeverStartFailTheCreate()
    {
        _probe.ShardsServe = false;
        var outcome = await _operations.CreateAsync(Requested(), CancellationToken.None);

        var action = await RunUntilFinishedAsync(outcome.ActionUid!, TimeSpan.FromMilliseconds(200));

        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Contains("shards did not start", action.Error, StringComparison.Ordinal);
        Assert.Equal(BdbStatus.CreationFailed, _store.Current.Bdbs[outcome.Value!.Uid].Status);
        Assert.Empty(_store.Current.EndpointsOf(outcome.Value.Uid));
    }

    [Fact]
    public async Task ANewLeaderResumesAnActionFromItsStoredState()
    {
        var outcome = await _operations.CreateAsync(Requested(), CancellationToken.None);
        var stored = _store.Current.Actions[outcome.ActionUid!];
        // As if the old leader had finished two steps and died: the state says where to go on.
        await _store.ProposeAsync(new PutAction { Action = stored with { State = CreateBdbMachine.BindEndpoint, Progress = 40 } }, CancellationToken.None);
        _probe.ShardsServe = false;

        var action = await RunUntilFinishedAsync(outcome.ActionUid!);

        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Single(_store.Current.EndpointsOf(outcome.Value!.Uid));
    }

    [Fact]
    public async Task AFollowerRunsNothingAndRefusesOperations()
    {
        var outcome = await _operations.CreateAsync(Requested(), CancellationToken.None);
        _store.IsLeader = false;
        using var orchestrator = NewOrchestrator();
        await orchestrator.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        await orchestrator.StopAsync(CancellationToken.None);

        Assert.Equal(CreateBdbMachine.WaitForShards, _store.Current.Actions[outcome.ActionUid!].State);
        var refused = await _operations.CreateAsync(Requested("other"), CancellationToken.None);
        Assert.Equal(OperationErrorKind.NotLeader, refused.Error!.Kind);
    }

    [Fact]
    public async Task UpdateAndDeleteAreBusyWhileAnActionRuns()
    {
        var created = await _operations.CreateAsync(Requested(), CancellationToken.None);

        var update = await _operations.UpdateAsync(created.Value! with { MemorySize = 600L << 20 }, CancellationToken.None);
        var delete = await _operations.DeleteAsync(created.Value!.Uid, CancellationToken.None);

        Assert.Equal(OperationErrorKind.Busy, update.Error!.Kind);
        Assert.Equal("db_busy", update.Error.ErrorCode);
        Assert.Equal(OperationErrorKind.Busy, delete.Error!.Kind);
    }

    [Fact]
    public async Task UpdateRebindsAMovedEndpointAndReactivates()
    {
        var created = await _operations.CreateAsync(Requested(), CancellationToken.None);
        await RunUntilFinishedAsync(created.ActionUid!);
        var current = _store.Current.Bdbs[created.Value!.Uid];

        var updated = await _operations.UpdateAsync(current with { Port = 12500, ProxyPolicy = ProxyPolicy.Single, MemorySize = 900L << 20 }, CancellationToken.None);
        Assert.True(updated.Succeeded, updated.Error?.Description);
        Assert.Equal(BdbStatus.ActiveChangePending, updated.Value!.Status);
        var action = await RunUntilFinishedAsync(updated.ActionUid!);

        Assert.Equal(ActionStatus.Completed, action.Status);
        var endpoint = Assert.Single(_store.Current.EndpointsOf(current.Uid));
        Assert.Equal(12500, endpoint.Port);
        Assert.Single(endpoint.NodeUids);
        Assert.Equal(BdbStatus.Active, _store.Current.Bdbs[current.Uid].Status);
        Assert.Equal(900L << 20, _store.Current.Bdbs[current.Uid].MemorySize);
    }

    [Fact]
    public async Task StaleUpdateIsRefusedAsBusy()
    {
        var created = await _operations.CreateAsync(Requested(), CancellationToken.None);
        await RunUntilFinishedAsync(created.ActionUid!);

        var stale = await _operations.UpdateAsync(created.Value! with { MemorySize = 1L << 30 }, CancellationToken.None);

        Assert.Equal(OperationErrorKind.Busy, stale.Error!.Kind);
    }

    [Fact]
    public async Task DeleteRemovesEndpointShardsAndDatabase()
    {
        var created = await _operations.CreateAsync(Requested(), CancellationToken.None);
        await RunUntilFinishedAsync(created.ActionUid!);

        var deleted = await _operations.DeleteAsync(created.Value!.Uid, CancellationToken.None);
        Assert.Equal(BdbStatus.DeletePending, deleted.Value!.Status);
        var action = await RunUntilFinishedAsync(deleted.ActionUid!);

        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.False(_store.Current.Bdbs.ContainsKey(created.Value.Uid));
        Assert.Empty(_store.Current.ShardsOf(created.Value.Uid));
        Assert.Empty(_store.Current.EndpointsOf(created.Value.Uid));
    }

    [Theory]
    [InlineData("taken-name")]
    [InlineData("TAKEN-NAME")]
    public async Task DuplicateNamesConflict(string name)
    {
        await _operations.CreateAsync(Requested("taken-name"), CancellationToken.None);

        var second = await _operations.CreateAsync(Requested(name), CancellationToken.None);

        Assert.Equal(OperationErrorKind.Conflict, second.Error!.Kind);
        Assert.Equal("name_violation", second.Error.ErrorCode);
    }

    [Fact]
    public async Task PortsTakenByADatabaseOrAProcessOrOutOfRangeAreUnavailable()
    {
        await _operations.CreateAsync(Requested("first", port: 12001), CancellationToken.None);
        _probe.OpenPorts["127.0.0.3:12002"] = true;

        var byDatabase = await _operations.CreateAsync(Requested("second", port: 12001), CancellationToken.None);
        var byProcess = await _operations.CreateAsync(Requested("third", port: 12002), CancellationToken.None);
        var reserved = await _operations.CreateAsync(Requested("fourth", port: 10050), CancellationToken.None);

        Assert.Equal("port_unavailable", byDatabase.Error!.ErrorCode);
        Assert.Contains("database 1", byDatabase.Error.Description, StringComparison.Ordinal);
        Assert.Equal("port_unavailable", byProcess.Error!.ErrorCode);
        Assert.Contains("node 3", byProcess.Error.Description, StringComparison.Ordinal);
        Assert.Equal(OperationErrorKind.InvalidConfiguration, reserved.Error!.Kind);
    }

    [Fact]
    public async Task OssClusterNeedsAMultiProxyPolicyAndStandardHashing()
    {
        var single = await _operations.CreateAsync(Requested("a") with { OssCluster = true, ProxyPolicy = ProxyPolicy.Single }, CancellationToken.None);
        var customRules = await _operations.CreateAsync(Requested("b") with
        {
            OssCluster = true,
            Sharding = true,
            ShardKeyRegex = ["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"],
        }, CancellationToken.None);
        var fit = await _operations.CreateAsync(Requested("c") with { OssCluster = true }, CancellationToken.None);
        var plain = await _operations.CreateAsync(Requested("d", shards: 1) with { ProxyPolicy = ProxyPolicy.Single }, CancellationToken.None);
        await RunUntilFinishedAsync(plain.ActionUid!);
        var current = _store.Current.Bdbs[plain.Value!.Uid];
        var turnedOnAlone = await _operations.UpdateAsync(current with { OssCluster = true }, CancellationToken.None);
        var turnedOnWithPolicy = await _operations.UpdateAsync(current with { OssCluster = true, ProxyPolicy = ProxyPolicy.AllMasterShards }, CancellationToken.None);

        Assert.Equal("invalid_oss_cluster_configuration", single.Error!.ErrorCode);
        Assert.Contains("all-master-shards", single.Error.Description, StringComparison.Ordinal);
        Assert.Equal("invalid_oss_cluster_configuration", customRules.Error!.ErrorCode);
        Assert.True(fit.Succeeded, fit.Error?.Description);
        Assert.True(fit.Value!.OssCluster);
        Assert.Equal("invalid_oss_cluster_configuration", turnedOnAlone.Error!.ErrorCode);
        Assert.True(turnedOnWithPolicy.Succeeded, turnedOnWithPolicy.Error?.Description);
    }

    [Fact]
    public async Task UnfitDatabasesAreRefusedWithoutStoringAnything()
    {
        var version = _store.Current.Version;

        var tooBig = await _operations.CreateAsync(Requested() with { MemorySize = 1L << 50 }, CancellationToken.None);
        var persistent = await _operations.CreateAsync(Requested() with { DataPersistence = DataPersistence.Snapshot }, CancellationToken.None);

        Assert.Equal("insufficient_resources", tooBig.Error!.ErrorCode);
        Assert.Equal("invalid_data_persistence", persistent.Error!.ErrorCode);
        Assert.Equal(version, _store.Current.Version);
    }
}
