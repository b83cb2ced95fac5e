using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMFailover</c>: promotes the replicas of some masters of one database. A manual failover of live masters first
/// holds their slots in the proxies and waits for the replicas to catch up, so nothing acknowledged is lost; an
/// automatic one (the masters are dead or cut off) promotes at once. Then it waits for the new masters to report their
/// role and releases the slots. Data: <c>masters</c>, <c>immediate</c>, <c>pairs</c> (master&gt;replica, decided at promotion).
/// </summary>
internal sealed class FailoverMachine : IActionMachine
{
    public const string Hold = "hold";
    public const string WaitForSync = "wait_for_sync";
    public const string Promote = "promote";
    public const string WaitForPromotion = "wait_for_promotion";
    public const string Release = "release";

    public string Name => ActionNames.Failover;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var masters = Handover.ParseUids(action.Data.GetValueOrDefault("masters"));
        switch (action.State)
        {
            case Hold:
                await context.AdvanceAsync(action, WaitForSync, 10, Handover.SetHeld(context.State, masters, true), cancellationToken).ConfigureAwait(false);
                break;
            case WaitForSync:
                await WaitForSyncAsync(context, action, masters, cancellationToken).ConfigureAwait(false);
                break;
            case Promote:
                await PromoteAsync(context, action, masters, cancellationToken).ConfigureAwait(false);
                break;
            case WaitForPromotion:
                await WaitForPromotionAsync(context, action, cancellationToken).ConfigureAwait(false);
                break;
            case Release:
                await context.AdvanceAsync(action, BdbSteps.Completed, 100, Handover.SetHeld(context.State, NewMasters(action), false),
                    cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
                break;
            default:
                await FailAsync(context, action, masters, $"unknown state {action.State}", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static async Task WaitForSyncAsync(ActionContext context, ActionRecord action, IReadOnlyList<int> masters, CancellationToken cancellationToken)
    {
        var heldAt = context.State.Version;
        var immediate = action.Data.GetValueOrDefault("immediate") == "true";
        var ready = await context.WaitUntilAsync(async ct =>
        {
            if (!Handover.NodesCaughtUp(context, heldAt))
            {
                return false;
            }
            if (immediate)
            {
                return true;
            }
            var state = context.State;
            foreach (var uid in masters)
            {
                if (state.Shards.GetValueOrDefault(uid) is not { } master)
                {
                    continue;
                }
                if (Handover.PromotionCandidate(context, state, master) is not { } replica ||
                    !await Handover.InSyncAsync(context, master, replica, ct).ConfigureAwait(false))
                {
                    return false;
                }
            }
            return true;
        }, cancellationToken, Handover.Timeout).ConfigureAwait(false);
        if (ready)
        {
            await context.AdvanceAsync(action, Promote, 40, [], cancellationToken).ConfigureAwait(false);
            return;
        }
        await FailAsync(context, action, masters, "the replicas did not catch up with their masters in time; nothing was changed", cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task PromoteAsync(ActionContext context, ActionRecord action, IReadOnlyList<int> masters, CancellationToken cancellationToken)
    {
        var state = context.State;
        var manual = action.Data.GetValueOrDefault("mode") != "auto";
        var pairs = new List<(ShardRecord Master, ShardRecord Replica)>();
        var restarts = new List<ShardRecord>();
        foreach (var uid in masters)
        {
            if (state.Shards.GetValueOrDefault(uid) is not { Role: ShardRole.Master } master)
            {
                continue;
            }
            if (Handover.PromotionCandidate(context, state, master) is { } replica)
            {
                pairs.Add((master, replica));
            }
            else if (manual)
            {
                await FailAsync(context, action, masters, $"shard {uid} has no replica that can take over", cancellationToken).ConfigureAwait(false);
                return;
            }
            else if (context.IsNodeAlive(master.NodeUid) && Handover.MayRestartAsItIs(state, master))
            {
                // Nothing to promote: let the agent start the master again, empty rather than never.
                restarts.Add(master with { Generation = master.Generation + 1 });
            }
        }
        var commands = Handover.Promote(state, pairs).ToList();
        foreach (var group in restarts.GroupBy(s => s.BdbUid))
        {
            commands.Add(new PutShards { BdbUid = group.Key, Shards = group.ToValueList() });
        }
        if (pairs.Count > 0 && state.Bdbs.GetValueOrDefault(pairs[0].Master.BdbUid) is { } bdb)
        {
            var after = commands.Aggregate(state, ClusterStateMachine.Apply);
            if (Handover.RebindAwayFromLostNodes(context, after, bdb) is { } rebind)
            {
                commands.Add(rebind);
            }
        }
        var next = action with
        {
            Data = action.Data.SetItem("pairs", string.Join(',', pairs.Select(p => $"{p.Master.Uid}>{p.Replica.Uid}"))),
        };
        foreach (var (master, replica) in pairs)
        {
            Log.Promoting(context.Logger, master.Uid, master.NodeUid, replica.Uid, replica.NodeUid, action.Data.GetValueOrDefault("mode") ?? "manual");
        }
        if (await context.AdvanceAsync(next, pairs.Count > 0 ? WaitForPromotion : Release, 60, commands, cancellationToken).ConfigureAwait(false))
        {
            context.Fence.Raise(context.State.Version);
        }
    }

    private static async Task WaitForPromotionAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var promoted = NewMasters(action);
        // A new master that never reports stays held until the timeout; then the slots are released anyway and the
        // watchdog decides again from what the nodes report.
        await context.WaitUntilAsync(_ => Task.FromResult(promoted.All(uid => Handover.ReportsRole(context, uid, ShardRole.Master))),
            cancellationToken, Handover.Timeout).ConfigureAwait(false);
        await context.AdvanceAsync(action, Release, 80, [], cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<int> NewMasters(ActionRecord action) =>
        (action.Data.GetValueOrDefault("pairs") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p.AsSpan(p.IndexOf('>', StringComparison.Ordinal) + 1), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static async Task FailAsync(ActionContext context, ActionRecord action, IReadOnlyList<int> masters, string error, CancellationToken cancellationToken)
    {
        Log.ActionFailed(context.Logger, action.Name, action.ObjectName, action.State, error);
        await context.AdvanceAsync(action, BdbSteps.Failed, action.Progress, Handover.SetHeld(context.State, masters, false),
            cancellationToken, ActionStatus.Failed, error).ConfigureAwait(false);
    }
}
