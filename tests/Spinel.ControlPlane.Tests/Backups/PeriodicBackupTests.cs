using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Spinel.ControlPlane.Backups;
using Spinel.ControlPlane.DataTransfer;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.ControlPlane.Tests.Orchestration;
using Spinel.Resp.Slots;

namespace Spinel.ControlPlane.Tests.Backups;

/// <summary>The scheduler starting <c>SMBackupBDB</c> on time, and the machine writing the files, expiring old ones and recording the outcome.</summary>
public sealed class PeriodicBackupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spinel-backups-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 10, 30, 0, TimeSpan.Zero));
    private readonly FileWritingTransfer _transfer = new();
    private readonly InMemoryClusterStore _store;
    private readonly BackupScheduler _scheduler;

    public PeriodicBackupTests()
    {
        var state = Records.WithBdb();
        state = ClusterStateMachine.Apply(state, new PutBdb
        {
            Bdb = state.Bdbs[1] with { Status = BdbStatus.Active, Backup = true, BackupInterval = 3600, BackupLocation = _directory, BackupHistory = 2 },
        });
        _store = new InMemoryClusterStore(state);
        _scheduler = new BackupScheduler(_store, _clock, NullLogger<BackupScheduler>.Instance);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ActionRecord? Backup() => _store.Current.Actions.Values.Where(a => a.Name == ActionNames.BackupBdb).MaxBy(a => a.CreationTime);

    private async Task<ActionRecord> RunAsync(ActionRecord action)
    {
        using var orchestrator = new Orchestrator(_store, new FakeProbe(),
            Options.Create(new OrchestratorOptions { StepTimeout = TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromMilliseconds(5) }),
            _clock, NullLogger<Orchestrator>.Instance, new Spinel.ControlPlane.Health.ClusterHealthRegistry(TimeProvider.System), new Spinel.ControlPlane.Health.LeaderFence(),
            new Spinel.ControlPlane.Resharding.RedisShardTrimmer(), _transfer);
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _store.Current.Actions[action.ActionUid].Status is ActionStatus.Completed or ActionStatus.Failed,
            "the backup to finish", TimeSpan.FromSeconds(20));
        await orchestrator.StopAsync(CancellationToken.None);
        return _store.Current.Actions[action.ActionUid];
    }

    [Fact]
    public async Task DueBackup_WritesEveryMasterAndRecordsSuccess_ThenWaitsForTheNextPeriod()
    {
        await _scheduler.CheckAsync(CancellationToken.None);
        var action = Assert.IsType<ActionRecord>(Backup());
        Assert.Equal("bdb:1", action.ObjectName);
        Assert.Equal(_directory, action.Data["path"]);

        var finished = await RunAsync(action);

        Assert.Equal(ActionStatus.Completed, finished.Status);
        Assert.Equal(["db1-db1-shard1-20260304-103000.rdb"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        Assert.Equal(["127.0.0.1:20000"], _transfer.Exported);
        var bdb = _store.Current.Bdbs[1];
        Assert.Equal(BackupStatus.Succeeded, bdb.BackupStatus);
        Assert.Equal(_clock.GetUtcNow(), bdb.LastBackupTime);

        _clock.Advance(TimeSpan.FromMinutes(29));
        await _scheduler.CheckAsync(CancellationToken.None);
        Assert.Equal(action.ActionUid, Backup()!.ActionUid);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _scheduler.CheckAsync(CancellationToken.None);
        Assert.NotEqual(action.ActionUid, Backup()!.ActionUid);
    }

    [Fact]
    public async Task Backup_DeletesThisDatabasesFilesPastTheHistory()
    {
        var expired = Path.Combine(_directory, "db1-db1-shard1-20260301-103000.rdb");
        var kept = Path.Combine(_directory, "db1-db1-shard1-20260303-103000.rdb");
        var foreign = Path.Combine(_directory, "other-db2-shard5-20200101-000000.rdb");
        foreach (var file in new[] { expired, kept, foreign })
        {
            await File.WriteAllTextAsync(file, "old");
        }

        await _scheduler.CheckAsync(CancellationToken.None);
        await RunAsync(Backup()!);

        Assert.False(File.Exists(expired));
        Assert.True(File.Exists(kept));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public async Task MissingDirectory_FailsWithWrongFilePath_AndIsRetriedFiveMinutesLater()
    {
        Directory.Delete(_directory, recursive: true);

        await _scheduler.CheckAsync(CancellationToken.None);
        var first = await RunAsync(Backup()!);

        Assert.Equal(ActionStatus.Failed, first.Status);
        var bdb = _store.Current.Bdbs[1];
        Assert.Equal(BackupStatus.Failed, bdb.BackupStatus);
        Assert.Equal("wrong-file-path", bdb.BackupFailureReason);
        Assert.Null(bdb.LastBackupTime);
        Assert.Empty(_transfer.Exported);

        Directory.CreateDirectory(_directory);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await _scheduler.CheckAsync(CancellationToken.None);
        Assert.Equal(first.ActionUid, Backup()!.ActionUid);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _scheduler.CheckAsync(CancellationToken.None);
        var retry = await RunAsync(Backup()!);
        Assert.Equal(ActionStatus.Completed, retry.Status);
        Assert.Equal(BackupStatus.Succeeded, _store.Current.Bdbs[1].BackupStatus);
        Assert.Null(_store.Current.Bdbs[1].BackupFailureReason);
    }

    [Fact]
    public async Task BusyDatabase_OrFollower_StartsNoBackup()
    {
        await _store.ProposeAsync(new PutAction { Action = Records.Action() with { Name = ActionNames.UpdateBdb }, ExpectedVersion = 0 }, CancellationToken.None);
        await _scheduler.CheckAsync(CancellationToken.None);
        Assert.Null(Backup());

        _store.IsLeader = false;
        var follower = new BackupScheduler(_store, _clock, NullLogger<BackupScheduler>.Instance);
        await follower.StartAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(3));
        await follower.StopAsync(CancellationToken.None);
        Assert.Null(Backup());
    }

    private sealed class FileWritingTransfer : IDatasetTransfer
    {
        public List<string> Exported { get; } = [];

        public async Task<long> ExportShardAsync(string host, int port, string file, CancellationToken cancellationToken)
        {
            await File.WriteAllTextAsync(file, $"{host}:{port}", cancellationToken);
            Exported.Add($"{host}:{port}");
            return 1;
        }

        public Task<long> ImportFileAsync(string file, KeyHashing hashing, Func<int, (string Host, int Port)> masterOf, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task FlushAsync(string host, int port, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
