using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Backups;

/// <summary>
/// On the leader, starts each database's periodic backup (<c>SMBackupBDB</c>) when <see cref="BackupSchedule"/> says it
/// is due, the database is not busy with another action, and fewer than <see cref="BackupSchedule.MaxSimultaneous"/>
/// backups run. What a backup did is in its action and in the database's backup status, so a new leader simply looks
/// again.
/// </summary>
public sealed partial class BackupScheduler(IClusterStore store, TimeProvider time, ILogger<BackupScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (store.IsLeader)
                    {
                        await CheckAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogCheckFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look at every database; public so tests can drive it without the timer.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (!state.IsCreated)
        {
            return;
        }
        var now = time.GetUtcNow();
        var running = state.Actions.Values.Count(a => a.Name == ActionNames.BackupBdb && a.Status is ActionStatus.Pending or ActionStatus.Active);
        foreach (var bdb in state.Bdbs.Values.OrderBy(b => b.Uid))
        {
            if (running >= BackupSchedule.MaxSimultaneous)
            {
                return;
            }
            if (!BackupSchedule.IsDue(bdb, now) || HaActions.Occupying(state, bdb.Uid) is not null)
            {
                continue;
            }
            var action = HaActions.New(ActionNames.BackupBdb, ActionNames.BdbObject(bdb.Uid), ExportBdbMachine.ExportShards,
                default(ValueDictionary<string, string>).SetItem("path", bdb.BackupLocation!), now);
            var result = await store.ProposeAsync(new PutAction { Action = action, ExpectedVersion = 0, ExpectedClusterVersion = state.Version },
                cancellationToken).ConfigureAwait(false);
            if (result.Status != ProposeStatus.Applied)
            {
                // The cluster changed meanwhile (or leadership moved): the next look decides again.
                return;
            }
            LogBackupStarted(logger, bdb.Uid, bdb.BackupLocation!, action.ActionUid);
            state = result.State!;
            running++;
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Periodic backup of database {Bdb} to {Location} started ({ActionUid})")]
    private static partial void LogBackupStarted(ILogger logger, int bdb, string location, string actionUid);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Backup scheduler check failed; trying again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
