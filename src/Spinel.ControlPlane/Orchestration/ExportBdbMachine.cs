using System.Globalization;
using Spinel.ControlPlane.Backups;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMExportBDB</c> and <c>SMBackupBDB</c>: write one RDB file per master shard into the directory the request (or the
/// database's <c>backup_location</c>) named, one shard per step, the files written so far kept in the action (a new
/// leader goes on with the rest). Files go to the leader's disk: as in Redis Enterprise, a local location must be a
/// mount every node shares. A backup then deletes the database's backups past its <c>backup_history</c> and records
/// how it ended in the database's backup status.
/// </summary>
internal sealed class ExportBdbMachine(bool backup) : IActionMachine
{
    public const string ExportShards = "export_shards";

    public string Name => backup ? ActionNames.BackupBdb : ActionNames.ExportBdb;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        if (action.State != ExportShards)
        {
            await BdbSteps.FailActionAsync(context, action, $"unknown state {action.State}", cancellationToken).ConfigureAwait(false);
            return;
        }
        var bdbUid = BdbSteps.BdbUidOf(action);
        var state = context.State;
        if (state.Bdbs.GetValueOrDefault(bdbUid) is not { } bdb)
        {
            await BdbSteps.FailActionAsync(context, action, $"database {bdbUid} no longer exists", cancellationToken).ConfigureAwait(false);
            return;
        }
        var directory = action.Data.GetValueOrDefault("path") ?? "";
        var done = Handover.ParseUids(action.Data.GetValueOrDefault("exported"));
        var masters = state.ShardsOf(bdbUid).Where(s => s.Role == ShardRole.Master).OrderBy(s => s.Uid).ToList();
        var next = masters.FirstOrDefault(m => !done.Contains(m.Uid));
        if (next is null)
        {
            await CompleteAsync(context, action, bdb, directory, cancellationToken).ConfigureAwait(false);
            return;
        }
        var node = state.Nodes.GetValueOrDefault(next.NodeUid);
        var file = Path.Combine(directory, FileName(bdb, next.Uid, action));
        try
        {
            // An export makes its directory; a backup location is the operator's mount, and its absence is an error.
            if (backup && !Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"directory {directory} does not exist on the leader");
            }
            if (node is null)
            {
                throw new IOException($"node {next.NodeUid} of shard {next.Uid} is not in the cluster");
            }
            await context.Transfer.ExportShardAsync(node.Address, next.Port, file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException)
        {
            await FailAsync(context, action, bdb, $"export of shard {next.Uid} to {file} failed: {ex.Message}", FailureReason(ex), cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        var exported = done.Append(next.Uid).ToList();
        var files = string.Join('\n', new[] { action.Data.GetValueOrDefault("files") ?? "", file }.Where(f => f.Length > 0));
        var updated = action with { Data = action.Data.SetItem("exported", Handover.FormatUids(exported)).SetItem("files", files) };
        await context.AdvanceAsync(updated, ExportShards, 100.0 * exported.Count / (masters.Count + 1), [], cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteAsync(ActionContext context, ActionRecord action, BdbRecord bdb, string directory, CancellationToken cancellationToken)
    {
        if (!backup)
        {
            await context.AdvanceAsync(action, BdbSteps.Completed, 100, [], cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
            return;
        }
        foreach (var expired in BackupRetention.Expired(directory, bdb.Uid, bdb.BackupHistory, context.Time.GetUtcNow()))
        {
            try
            {
                File.Delete(expired);
                Log.BackupExpired(context.Logger, bdb.Uid, expired);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.BackupExpiryFailed(context.Logger, bdb.Uid, expired, ex.Message);
            }
        }
        var ended = bdb with
        {
            BackupStatus = BackupStatus.Succeeded,
            BackupFailureReason = null,
            LastBackupTime = action.CreationTime,
            LastBackupAttemptTime = action.CreationTime,
        };
        await context.AdvanceAsync(action, BdbSteps.Completed, 100, [new PutBdb { Bdb = ended, ExpectedVersion = bdb.Version }], cancellationToken,
            ActionStatus.Completed).ConfigureAwait(false);
    }

    private async Task FailAsync(ActionContext context, ActionRecord action, BdbRecord bdb, string error, string reason, CancellationToken cancellationToken)
    {
        if (!backup)
        {
            await BdbSteps.FailActionAsync(context, action, error, cancellationToken).ConfigureAwait(false);
            return;
        }
        Log.ActionFailed(context.Logger, action.Name, action.ObjectName, action.State, error);
        var ended = bdb with { BackupStatus = BackupStatus.Failed, BackupFailureReason = reason, LastBackupAttemptTime = action.CreationTime };
        await context.AdvanceAsync(action, BdbSteps.Failed, action.Progress, [new PutBdb { Bdb = ended, ExpectedVersion = bdb.Version }], cancellationToken,
            ActionStatus.Failed, error).ConfigureAwait(false);
    }

    /// <summary>Redis Enterprise's <c>backup_failure_reason</c> values.</summary>
    private static string FailureReason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "no-permission",
        DirectoryNotFoundException => "wrong-file-path",
        _ => "general-error",
    };

    /// <summary><c>&lt;db name&gt;-db&lt;uid&gt;-shard&lt;uid&gt;-&lt;action start, UTC&gt;.rdb</c>: one export never overwrites another's files.</summary>
    private static string FileName(BdbRecord bdb, int shardUid, ActionRecord action) =>
        string.Create(CultureInfo.InvariantCulture, $"{bdb.Name}-db{bdb.Uid}-shard{shardUid}-{action.CreationTime.UtcDateTime:yyyyMMdd-HHmmss}.rdb");
}
