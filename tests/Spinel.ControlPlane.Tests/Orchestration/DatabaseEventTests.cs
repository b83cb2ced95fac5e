using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Events;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>The events database operations and their state machines log, over the harness of <see cref="OrchestratorTests"/>.</summary>
public sealed class DatabaseEventTests
{
    private readonly FakeProbe _probe = new();
    private readonly InMemoryClusterStore _store = new(Records.Created());
    private readonly DatabaseOperations _operations;

    public DatabaseEventTests() => _operations = new DatabaseOperations(_store, _probe, TimeProvider.System);

    private static BdbRecord Requested() => new() { Name = "cache", MemorySize = 300L << 20, ShardsCount = 2, Sharding = true, Replication = true };

    private async Task RunUntilFinishedAsync(string actionUid, TimeSpan? stepTimeout = null)
    {
        using var orchestrator = new Orchestrator(_store, _probe,
            Options.Create(new OrchestratorOptions { StepTimeout = stepTimeout ?? TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromMilliseconds(5) }),
            TimeProvider.System, NullLogger<Orchestrator>.Instance, new Spinel.ControlPlane.Health.ClusterHealthRegistry(TimeProvider.System),
            new Spinel.ControlPlane.Health.LeaderFence(), new Spinel.ControlPlane.Resharding.RedisShardTrimmer());
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _store.Current.Actions[actionUid].Status is ActionStatus.Completed or ActionStatus.Failed,
            $"action {actionUid} to finish", TimeSpan.FromSeconds(20));
        await orchestrator.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Create_LogsClusterBdbCreatedInTheBatchThatCreatesTheDatabase()
    {
        var before = DateTimeOffset.UtcNow;

        var outcome = await _operations.CreateAsync(Requested(), CancellationToken.None);

        var batch = Assert.Single(_store.Proposed.OfType<Batch>());
        Assert.Contains(batch.Commands, c => c is PutBdb);
        var created = Assert.Single(batch.Commands.OfType<AppendEvents>().SelectMany(a => a.Events));
        Assert.Equal((EventTypes.BdbCreated, outcome.Value!.Uid, EventSeverity.Info), (created.Type, created.BdbUid, created.Severity));
        Assert.InRange(created.Time, before, DateTimeOffset.UtcNow);
        Assert.Contains("'cache'", created.Description, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(_store.Current.Events).Uid);
    }

    [Fact]
    public async Task CreateThatFails_LogsActionFailed()
    {
        _probe.ShardsServe = false;
        var outcome = await _operations.CreateAsync(Requested(), CancellationToken.None);

        await RunUntilFinishedAsync(outcome.ActionUid!, TimeSpan.FromMilliseconds(200));

        Assert.Equal([EventTypes.BdbCreated, EventTypes.ActionFailed], _store.Current.Events.Select(e => e.Type));
        var failed = _store.Current.Events[1];
        Assert.Equal((EventSeverity.Error, outcome.Value!.Uid, outcome.ActionUid), (failed.Severity, failed.BdbUid, failed.ActionUid));
        Assert.Contains("shards did not start", failed.Description, StringComparison.Ordinal);
        Assert.Equal(ActionNames.CreateBdb, failed.Data["action"]);
    }

    [Fact]
    public async Task UpdateThatRenames_LogsBdbUpdatedAndBdbNameUpdated()
    {
        var created = await _operations.CreateAsync(Requested(), CancellationToken.None);
        await RunUntilFinishedAsync(created.ActionUid!);
        var bdb = _store.Current.Bdbs[created.Value!.Uid];

        var updated = await _operations.UpdateAsync(bdb with { Name = "sessions", MemorySize = 400L << 20 }, CancellationToken.None);

        Assert.True(updated.Succeeded, updated.Error?.Description);
        var events = _store.Current.Events;
        Assert.Equal([EventTypes.BdbCreated, EventTypes.BdbUpdated, EventTypes.BdbNameUpdated], events.Select(e => e.Type));
        Assert.EndsWith("updated: name, memory_size", events[1].Description, StringComparison.Ordinal);
        Assert.Contains("from 'cache' to 'sessions'", events[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_LogsClusterBdbDeletedWhenTheDatabaseIsGone()
    {
        var created = await _operations.CreateAsync(Requested(), CancellationToken.None);
        await RunUntilFinishedAsync(created.ActionUid!);

        var deleted = await _operations.DeleteAsync(created.Value!.Uid, CancellationToken.None);
        Assert.DoesNotContain(_store.Current.Events, e => e.Type == EventTypes.BdbDeleted);
        await RunUntilFinishedAsync(deleted.ActionUid!);

        Assert.Empty(_store.Current.Bdbs);
        var gone = _store.Current.Events[^1];
        Assert.Equal((EventTypes.BdbDeleted, created.Value.Uid), (gone.Type, gone.BdbUid));
    }
}
