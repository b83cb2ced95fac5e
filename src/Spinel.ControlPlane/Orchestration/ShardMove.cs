using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// Moves one shard to another node, as steps of the action that owns it (migration, node removal, replica HA): a new
/// replica on the target, wait for its sync, and when the shard was a master hold its slots, wait until the new shard
/// caught up, promote it and release; finally remove the old shard. Data: <c>move_shard</c>, <c>move_target</c>
/// (0 = choose), <c>move_new</c>. When done the action goes to <see cref="NextShard"/>.
/// </summary>
internal static class ShardMove
{
    public const string NextShard = "next_shard";
    public const string Create = "move_create";
    public const string Sync = "move_sync";
    public const string Hold = "move_hold";
    public const string Promote = "move_promote";
    public const string WaitForPromotion = "move_wait_for_promotion";
    public const string Release = "move_release";
    public const string Remove = "move_remove";

    public static bool Owns(string state) => state.StartsWith("move_", StringComparison.Ordinal);

    /// <summary>The action's data for moving <paramref name="shardUid"/> next, at state <see cref="Create"/>.</summary>
    public static ActionRecord Begin(ActionRecord action, int shardUid, int targetNodeUid) => action with
    {
        Data = action.Data.SetItem("move_shard", Format(shardUid)).SetItem("move_target", Format(targetNodeUid)).Remove("move_new"),
    };

    /// <summary>Runs the move step the action is in; <paramref name="onDone"/> updates the action's data once the move ends.</summary>
    public static async Task StepAsync(ActionContext context, ActionRecord action, double progress, Func<ActionRecord, ActionRecord> onDone,
        CancellationToken cancellationToken)
    {
        var state = context.State;
        var shardUid = Read(action, "move_shard");
        var newUid = Read(action, "move_new");
        var shard = state.Shards.GetValueOrDefault(shardUid);
        var created = state.Shards.GetValueOrDefault(newUid);
        switch (action.State)
        {
            case Create:
                await CreateAsync(context, action, shard, progress, onDone, cancellationToken).ConfigureAwait(false);
                break;
            case Sync:
                if (created is null || shard is null)
                {
                    await BdbSteps.FailActionAsync(context, action, $"shard {shardUid} or its new copy {newUid} disappeared", cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (!await context.WaitUntilAsync(ct => Handover.AttachedAsync(context, created, ct), cancellationToken).ConfigureAwait(false))
                {
                    await AbandonAsync(context, action, created, $"the new copy {newUid} of shard {shardUid} did not sync in time", cancellationToken)
                        .ConfigureAwait(false);
                    return;
                }
                await context.AdvanceAsync(action, shard.Role == ShardRole.Master ? Hold : Remove, progress, [], cancellationToken).ConfigureAwait(false);
                break;
            case Hold:
                await context.AdvanceAsync(action, Promote, progress, Handover.SetHeld(state, [shardUid], true), cancellationToken).ConfigureAwait(false);
                break;
            case Promote:
                await PromoteAsync(context, action, shard, created, progress, cancellationToken).ConfigureAwait(false);
                break;
            case WaitForPromotion:
                await context.WaitUntilAsync(_ => Task.FromResult(Handover.ReportsRole(context, newUid, ShardRole.Master)), cancellationToken, Handover.Timeout)
                    .ConfigureAwait(false);
                await context.AdvanceAsync(action, Release, progress, [], cancellationToken).ConfigureAwait(false);
                break;
            case Release:
                await context.AdvanceAsync(action, Remove, progress, Handover.SetHeld(state, [newUid], false), cancellationToken).ConfigureAwait(false);
                break;
            case Remove:
                ClusterCommand[] remove = shard is null ? [] : [new DeleteShards { BdbUid = shard.BdbUid, ShardUids = [shard.Uid] }];
                await context.AdvanceAsync(onDone(action), NextShard, progress, remove, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static async Task CreateAsync(ActionContext context, ActionRecord action, ShardRecord? shard, double progress,
        Func<ActionRecord, ActionRecord> onDone, CancellationToken cancellationToken)
    {
        var state = context.State;
        var requested = Read(action, "move_target");
        if (shard is null || shard.NodeUid == requested)
        {
            await context.AdvanceAsync(onDone(action), NextShard, progress, [], cancellationToken).ConfigureAwait(false);
            return;
        }
        int? target = requested > 0
            ? (ShardTargets.CanTake(state, shard, requested) ? requested : null)
            : ShardTargets.Choose(state, shard, context.IsNodeAlive);
        if (target is not { } node)
        {
            await BdbSteps.FailActionAsync(context, action, requested > 0
                ? $"node {requested} cannot take shard {shard.Uid} (no room, not active, or it runs the shard's master or replica)"
                : $"no active node has room for shard {shard.Uid} apart from its master and replicas", cancellationToken).ConfigureAwait(false);
            return;
        }
        var uid = state.NextShardUid;
        var copy = new ShardRecord
        {
            Uid = uid,
            BdbUid = shard.BdbUid,
            NodeUid = node,
            Role = ShardRole.Replica,
            ReplicaOf = shard.Role == ShardRole.Master ? shard.Uid : shard.ReplicaOf,
            AssignedSlots = shard.AssignedSlots,
            Port = ShardTargets.FreePort(state, node),
        };
        Log.MovingShard(context.Logger, shard.Uid, shard.NodeUid, node, uid);
        await context.AdvanceAsync(action with { Data = action.Data.SetItem("move_new", Format(uid)) }, Sync, progress,
            [new PutShards { BdbUid = shard.BdbUid, Shards = [copy] }], cancellationToken).ConfigureAwait(false);
    }

    private static async Task PromoteAsync(ActionContext context, ActionRecord action, ShardRecord? shard, ShardRecord? created, double progress,
        CancellationToken cancellationToken)
    {
        if (shard is null || created is null)
        {
            await BdbSteps.FailActionAsync(context, action, "the shard or its new copy disappeared", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (shard.Role == ShardRole.Master)
        {
            var heldAt = context.State.Version;
            var ready = await context.WaitUntilAsync(async ct =>
                Handover.NodesCaughtUp(context, heldAt) && await Handover.InSyncAsync(context, shard, created, ct).ConfigureAwait(false),
                cancellationToken, Handover.Timeout).ConfigureAwait(false);
            if (!ready)
            {
                var state = context.State;
                await context.AdvanceAsync(action, BdbSteps.Failed, action.Progress,
                    [.. Handover.SetHeld(state, [shard.Uid], false), new DeleteShards { BdbUid = created.BdbUid, ShardUids = [created.Uid] }],
                    cancellationToken, ActionStatus.Failed, $"the new copy {created.Uid} of shard {shard.Uid} did not catch up in time; nothing was moved")
                    .ConfigureAwait(false);
                return;
            }
            var commands = Handover.Promote(context.State, [(shard, created)]).ToList();
            Log.Promoting(context.Logger, shard.Uid, shard.NodeUid, created.Uid, created.NodeUid, "migration");
            if (await context.AdvanceAsync(action, WaitForPromotion, progress, commands, cancellationToken).ConfigureAwait(false))
            {
                context.Fence.Raise(context.State.Version);
            }
            return;
        }
        await context.AdvanceAsync(action, WaitForPromotion, progress, [], cancellationToken).ConfigureAwait(false);
    }

    private static async Task AbandonAsync(ActionContext context, ActionRecord action, ShardRecord created, string error, CancellationToken cancellationToken) =>
        await context.AdvanceAsync(action, BdbSteps.Failed, action.Progress, [new DeleteShards { BdbUid = created.BdbUid, ShardUids = [created.Uid] }],
            cancellationToken, ActionStatus.Failed, error).ConfigureAwait(false);

    private static int Read(ActionRecord action, string key) =>
        int.TryParse(action.Data.GetValueOrDefault(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;

    private static string Format(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
