using Spinel.ControlPlane.Resharding;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMImportBDB</c>: erases the database (every master flushed), then loads the RDB files one per step, each key into
/// the master of its slot, so files from any number of shards (or a plain redis-server) fit any shard count. A file
/// that was loaded is not loaded again by a new leader; one that was half loaded is loaded again, replacing its keys.
/// </summary>
internal sealed class ImportBdbMachine : IActionMachine
{
    public const string Flush = "flush";
    public const string LoadFiles = "load_files";

    public string Name => ActionNames.ImportBdb;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var bdbUid = BdbSteps.BdbUidOf(action);
        var state = context.State;
        if (state.Bdbs.GetValueOrDefault(bdbUid) is not { } bdb)
        {
            await BdbSteps.FailActionAsync(context, action, $"database {bdbUid} no longer exists", cancellationToken).ConfigureAwait(false);
            return;
        }
        var masters = state.ShardsOf(bdbUid).Where(s => s.Role == ShardRole.Master).ToList();
        var sources = (action.Data.GetValueOrDefault("sources") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            switch (action.State)
            {
                case Flush:
                    foreach (var master in masters)
                    {
                        var (host, port) = Address(state, master);
                        await context.Transfer.FlushAsync(host, port, cancellationToken).ConfigureAwait(false);
                    }
                    await context.AdvanceAsync(action with { Data = action.Data.SetItem("loaded", "0") }, LoadFiles, 10, [], cancellationToken)
                        .ConfigureAwait(false);
                    break;
                case LoadFiles:
                    var loaded = int.Parse(action.Data.GetValueOrDefault("loaded") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                    if (loaded >= sources.Length)
                    {
                        await context.AdvanceAsync(action, BdbSteps.Completed, 100, [], cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
                        break;
                    }
                    var bySlot = new ShardRecord?[SlotRange.SlotCount];
                    foreach (var master in masters)
                    {
                        foreach (var range in master.AssignedSlots)
                        {
                            for (var slot = range.Start; slot <= range.End; slot++)
                            {
                                bySlot[slot] = master;
                            }
                        }
                    }
                    var keys = await context.Transfer.ImportFileAsync(sources[loaded], BdbKeyHashing.Of(bdb),
                        slot => bySlot[slot] is { } owner ? Address(state, owner) : throw new IOException($"no master serves slot {slot}"),
                        cancellationToken).ConfigureAwait(false);
                    var total = long.Parse(action.Data.GetValueOrDefault("keys") ?? "0", System.Globalization.CultureInfo.InvariantCulture) + keys;
                    var next = action with
                    {
                        Data = action.Data.SetItem("loaded", (loaded + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                            .SetItem("keys", total.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    };
                    await context.AdvanceAsync(next, LoadFiles, 10 + 90.0 * (loaded + 1) / (sources.Length + 1), [], cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await BdbSteps.FailActionAsync(context, action, $"unknown state {action.State}", cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException or StackExchange.Redis.RedisException)
        {
            await BdbSteps.FailActionAsync(context, action, $"import failed: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }
    }

    private static (string Host, int Port) Address(ClusterState state, ShardRecord shard) =>
        (state.Nodes.GetValueOrDefault(shard.NodeUid)?.Address ?? throw new IOException($"node {shard.NodeUid} of shard {shard.Uid} is not in the cluster"),
         shard.Port);
}
