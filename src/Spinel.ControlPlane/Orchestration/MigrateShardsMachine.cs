using System.Globalization;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMMigrateShards</c>: moves shards one after another with <see cref="ShardMove"/> (manual migration, replica HA,
/// rebalance). Data: <c>shards</c> (uids), <c>target</c> (node uid for every shard, 0 = choose per shard) or
/// <c>targets</c> (one node uid per shard, a rebalance plan), <c>index</c> (next shard to move), <c>skipped</c> (planned
/// moves the cluster no longer allowed when their turn came).
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
            await ShardMove.StepAsync(context, action, progress, a => a with { Data = a.Data.SetItem("index", Format(index + 1)) },
                cancellationToken).ConfigureAwait(false);
            return;
        }
        if (index >= shards.Count)
        {
            await context.AdvanceAsync(action, BdbSteps.Completed, 100, [], cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
            return;
        }
        var targets = Handover.ParseUids(action.Data.GetValueOrDefault("targets"));
        if (targets.Count == shards.Count)
        {
            await NextPlannedAsync(context, action, shards[index], targets[index], index, progress, cancellationToken).ConfigureAwait(false);
            return;
        }
        var target = int.TryParse(action.Data.GetValueOrDefault("target"), out var t) ? t : 0;
        await context.AdvanceAsync(ShardMove.Begin(action, shards[index], target), ShardMove.Create, progress, [], cancellationToken).ConfigureAwait(false);
    }

    // A plan was made against an older state: a move whose shard is gone or already there, or whose target can no
    // longer take it (left the cluster, filled up, holds the shard's pair), is skipped, not failed; the rest still helps.
    private static async Task NextPlannedAsync(ActionContext context, ActionRecord action, int shardUid, int target, int index, double progress,
        CancellationToken cancellationToken)
    {
        var state = context.State;
        if (state.Shards.GetValueOrDefault(shardUid) is { } shard && shard.NodeUid != target && ShardTargets.CanTake(state, shard, target))
        {
            await context.AdvanceAsync(ShardMove.Begin(action, shardUid, target), ShardMove.Create, progress, [], cancellationToken).ConfigureAwait(false);
            return;
        }
        var skipped = action.Data.GetValueOrDefault("skipped") is { Length: > 0 } before ? $"{before},{Format(shardUid)}" : Format(shardUid);
        Log.MoveSkipped(context.Logger, shardUid, target);
        var next = action with { Data = action.Data.SetItem("index", Format(index + 1)).SetItem("skipped", skipped) };
        await context.AdvanceAsync(next, ShardMove.NextShard, progress, [], cancellationToken).ConfigureAwait(false);
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
