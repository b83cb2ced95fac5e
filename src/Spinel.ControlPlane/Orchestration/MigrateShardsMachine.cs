using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMMigrateShards</c>: moves shards one after another with <see cref="ShardMove"/> (manual migration, replica HA).
/// Data: <c>shards</c> (uids), <c>target</c> (node uid, 0 = choose per shard), <c>index</c> (next shard to move).
/// </summary>
internal sealed class MigrateShardsMachine : IActionMachine
{
    public string Name => ActionNames.MigrateShards;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var shards = Handover.ParseUids(action.Data.GetValueOrDefault("shards"));
        var index = int.TryParse(action.Data.GetValueOrDefault("index"), out var i) ? i : 0;
        var progress = shards.Count == 0 ? 100 : Math.Min(99, 100.0 * index / shards.Count);
        if (ShardMove.Owns(action.State))
        {
            await ShardMove.StepAsync(context, action, progress, a => a with { Data = a.Data.SetItem("index", (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                cancellationToken).ConfigureAwait(false);
            return;
        }
        if (index >= shards.Count)
        {
            await context.AdvanceAsync(action, BdbSteps.Completed, 100, [], cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
            return;
        }
        var target = int.TryParse(action.Data.GetValueOrDefault("target"), out var t) ? t : 0;
        await context.AdvanceAsync(ShardMove.Begin(action, shards[index], target), ShardMove.Create, progress, [], cancellationToken).ConfigureAwait(false);
    }
}
