using System.Globalization;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMExportBDB</c>: writes one RDB file per master shard into the directory the request named, one shard per step,
/// the files written so far kept in the action (a new leader goes on with the rest). Files go to the leader's disk:
/// as in Redis Enterprise, a local location must be a mount every node shares.
/// </summary>
internal sealed class ExportBdbMachine : IActionMachine
{
    public const string ExportShards = "export_shards";

    public string Name => ActionNames.ExportBdb;

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
        var done = Handover.ParseUids(action.Data.GetValueOrDefault("exported"));
        var masters = state.ShardsOf(bdbUid).Where(s => s.Role == ShardRole.Master).OrderBy(s => s.Uid).ToList();
        var next = masters.FirstOrDefault(m => !done.Contains(m.Uid));
        if (next is null)
        {
            await context.AdvanceAsync(action, BdbSteps.Completed, 100, [], cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
            return;
        }
        var node = state.Nodes.GetValueOrDefault(next.NodeUid);
        var file = Path.Combine(action.Data.GetValueOrDefault("path") ?? "", FileName(bdb, next.Uid, action));
        try
        {
            if (node is null)
            {
                throw new IOException($"node {next.NodeUid} of shard {next.Uid} is not in the cluster");
            }
            await context.Transfer.ExportShardAsync(node.Address, next.Port, file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException)
        {
            await BdbSteps.FailActionAsync(context, action, $"export of shard {next.Uid} to {file} failed: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return;
        }
        var exported = done.Append(next.Uid).ToList();
        var files = string.Join('\n', new[] { action.Data.GetValueOrDefault("files") ?? "", file }.Where(f => f.Length > 0));
        var updated = action with { Data = action.Data.SetItem("exported", Handover.FormatUids(exported)).SetItem("files", files) };
        await context.AdvanceAsync(updated, ExportShards, 100.0 * exported.Count / (masters.Count + 1), [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>&lt;db name&gt;-db&lt;uid&gt;-shard&lt;uid&gt;-&lt;action start, UTC&gt;.rdb</c>: one export never overwrites another's files.</summary>
    private static string FileName(BdbRecord bdb, int shardUid, ActionRecord action) =>
        string.Create(CultureInfo.InvariantCulture, $"{bdb.Name}-db{bdb.Uid}-shard{shardUid}-{action.CreationTime.UtcDateTime:yyyyMMdd-HHmmss}.rdb");
}
