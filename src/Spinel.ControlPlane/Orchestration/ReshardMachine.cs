using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Resharding;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMReshardBDB</c>: grows a database from n to n x k masters online. Each new shard starts as a replica of the
/// master it splits from and copies all of it; in one short cut-over the proxies hold the splitting masters, each new
/// shard catches up, is promoted with its part of the slots, and the slots are released; then every master deletes
/// the keys of slots it no longer owns (a batch at a time), and with replication the new masters get replicas.
/// Data: <c>old_count</c>, <c>splits</c> (<c>master&gt;new,new;...</c>).
/// </summary>
internal sealed class ReshardMachine : IActionMachine
{
    public const string CreateShards = "create_shards";
    public const string WaitForSync = "wait_for_sync";
    public const string Hold = "hold";
    public const string Cutover = "cutover";
    public const string WaitForPromotion = "wait_for_promotion";
    public const string Release = "release";
    public const string Trim = "trim";
    public const string AddReplicas = "add_replicas";
    public const string WaitForReplicas = "wait_for_replicas";
    public const string Activate = "activate";

    public string Name => ActionNames.ReshardBdb;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        if (await BdbSteps.DatabaseOrFailAsync(context, action, cancellationToken).ConfigureAwait(false) is not { } bdb)
        {
            return;
        }
        var splits = ParseSplits(action.Data.GetValueOrDefault("splits"));
        var state = context.State;
        switch (action.State)
        {
            case CreateShards:
                await CreateShardsAsync(context, action, bdb, cancellationToken).ConfigureAwait(false);
                break;
            case WaitForSync:
                var attached = await context.WaitUntilAsync(async ct =>
                {
                    if (AnyMasterFailed(context, splits))
                    {
                        return true;
                    }
                    foreach (var uid in splits.SelectMany(s => s.New))
                    {
                        if (context.State.Shards.GetValueOrDefault(uid) is not { } shard || !await Handover.AttachedAsync(context, shard, ct).ConfigureAwait(false))
                        {
                            return false;
                        }
                    }
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                if (!attached || AnyMasterFailed(context, splits))
                {
                    await RollBackAsync(context, action, bdb, splits, "the new shards did not finish copying their masters in time", cancellationToken).ConfigureAwait(false);
                    return;
                }
                await context.AdvanceAsync(action, Hold, 30, [], cancellationToken).ConfigureAwait(false);
                break;
            case Hold:
                await context.AdvanceAsync(action, Cutover, 40, Handover.SetHeld(state, splits.Select(s => s.Master), true), cancellationToken).ConfigureAwait(false);
                break;
            case Cutover:
                await CutoverAsync(context, action, bdb, splits, cancellationToken).ConfigureAwait(false);
                break;
            case WaitForPromotion:
                await context.WaitUntilAsync(_ => Task.FromResult(splits.SelectMany(s => s.New).All(uid => Handover.ReportsRole(context, uid, ShardRole.Master))),
                    cancellationToken, Handover.Timeout).ConfigureAwait(false);
                await context.AdvanceAsync(action, Release, 60, [], cancellationToken).ConfigureAwait(false);
                break;
            case Release:
                await context.AdvanceAsync(action, Trim, 65,
                    Handover.SetHeld(state, splits.SelectMany(s => s.New.Prepend(s.Master)), false), cancellationToken).ConfigureAwait(false);
                break;
            case Trim:
                await TrimNextAsync(context, action, bdb, cancellationToken).ConfigureAwait(false);
                break;
            case AddReplicas:
                var replicas = ReplicaChanges.For(state, bdb with { Replication = false }, bdb);
                if (replicas.Error is { } error)
                {
                    // The database serves; it only lacks redundancy for its new shards, which replica HA can add later.
                    await BdbSteps.FailAsync(context, action, bdb.Uid, error.Description, _ => BdbStatus.Active, cancellationToken).ConfigureAwait(false);
                    return;
                }
                await context.AdvanceAsync(action, WaitForReplicas, 90, replicas.Commands, cancellationToken).ConfigureAwait(false);
                break;
            case WaitForReplicas:
                await context.WaitUntilAsync(async ct =>
                {
                    foreach (var replica in context.State.ShardsOf(bdb.Uid).Where(s => s.Role == ShardRole.Replica))
                    {
                        if (!await Handover.AttachedAsync(context, replica, ct).ConfigureAwait(false))
                        {
                            return false;
                        }
                    }
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                await context.AdvanceAsync(action, Activate, 95, [], cancellationToken).ConfigureAwait(false);
                break;
            case Activate:
                await BdbSteps.ActivateAsync(context, action, bdb, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await BdbSteps.FailAsync(context, action, bdb.Uid, $"unknown state {action.State}", _ => BdbStatus.Active, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static async Task CreateShardsAsync(ActionContext context, ActionRecord action, BdbRecord bdb, CancellationToken cancellationToken)
    {
        var state = context.State;
        var masters = state.ShardsOf(bdb.Uid).Where(s => s.Role == ShardRole.Master).OrderBy(FirstSlot).ToList();
        var factor = bdb.ShardsCount / Math.Max(1, masters.Count);
        var working = state;
        var nextUid = state.NextShardUid;
        var created = new List<ShardRecord>();
        var splits = new List<string>();
        foreach (var master in masters)
        {
            var news = new List<int>();
            for (var part = 1; part < factor; part++)
            {
                // The new shard copies its master first, as a replica: anywhere with room (the master's node included).
                if (ShardTargets.ChooseAny(working, master, context.IsNodeAlive) is not { } node)
                {
                    await BdbSteps.FailAsync(context, action, bdb.Uid, $"no active node has room for a new shard of {ShardMemory.PerShard(bdb)} bytes",
                        _ => BdbStatus.Active, cancellationToken).ConfigureAwait(false);
                    return;
                }
                var shard = new ShardRecord
                {
                    Uid = nextUid++,
                    BdbUid = bdb.Uid,
                    NodeUid = node,
                    Role = ShardRole.Replica,
                    ReplicaOf = master.Uid,
                    AssignedSlots = master.AssignedSlots,
                    Port = ShardTargets.FreePort(working, node),
                };
                created.Add(shard);
                news.Add(shard.Uid);
                working = working with { Shards = working.Shards.SetItem(shard.Uid, shard), NextShardUid = nextUid };
            }
            splits.Add($"{master.Uid}>{Handover.FormatUids(news)}");
        }
        var next = action with { Data = action.Data.SetItem("splits", string.Join(';', splits)) };
        await context.AdvanceAsync(next, WaitForSync, 10, created.Count == 0 ? [] : [new PutShards { BdbUid = bdb.Uid, Shards = created.ToValueList() }],
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task CutoverAsync(ActionContext context, ActionRecord action, BdbRecord bdb, IReadOnlyList<Split> splits, CancellationToken cancellationToken)
    {
        var heldAt = context.State.Version;
        var ready = await context.WaitUntilAsync(async ct =>
        {
            if (AnyMasterFailed(context, splits))
            {
                return true;
            }
            if (!Handover.NodesCaughtUp(context, heldAt))
            {
                return false;
            }
            var state = context.State;
            foreach (var split in splits)
            {
                var master = state.Shards[split.Master];
                foreach (var uid in split.New)
                {
                    if (!await Handover.InSyncAsync(context, master, state.Shards[uid], ct).ConfigureAwait(false))
                    {
                        return false;
                    }
                }
            }
            return true;
        }, cancellationToken, Handover.Timeout).ConfigureAwait(false);
        if (!ready || AnyMasterFailed(context, splits))
        {
            await RollBackAsync(context, action, bdb, splits, "the new shards did not catch up with their masters during the cut-over", cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        var current = context.State;
        var changed = new List<ShardRecord>();
        foreach (var split in splits)
        {
            var master = current.Shards[split.Master];
            var parts = SlotSplit.Split(master.AssignedSlots, split.New.Count + 1);
            changed.Add(master with { AssignedSlots = parts[0] });
            foreach (var replica in current.Shards.Values.Where(s => s.ReplicaOf == master.Uid && !split.New.Contains(s.Uid)))
            {
                changed.Add(replica with { AssignedSlots = parts[0] });
            }
            for (var i = 0; i < split.New.Count; i++)
            {
                changed.Add(current.Shards[split.New[i]] with { Role = ShardRole.Master, ReplicaOf = null, AssignedSlots = parts[i + 1], Held = true });
            }
        }
        if (await context.AdvanceAsync(action, WaitForPromotion, 50, [new PutShards { BdbUid = bdb.Uid, Shards = changed.ToValueList() }], cancellationToken)
                .ConfigureAwait(false))
        {
            context.Fence.Raise(context.State.Version);
        }
    }

    /// <summary>
    /// Trims one master per step and records it in <c>trimmed</c>, so a new leader goes on where the old one stopped. The
    /// routing is final by now, so the watchdog may fail a master over meanwhile (see <see cref="HaActions.Moving"/>):
    /// a master that is down is waited for until its replica has taken over, and the promoted replica (a new uid, same
    /// slots and keys) is trimmed in its place.
    /// </summary>
    private static async Task TrimNextAsync(ActionContext context, ActionRecord action, BdbRecord bdb, CancellationToken cancellationToken)
    {
        var trimmed = Handover.ParseUids(action.Data.GetValueOrDefault("trimmed"));
        bool Pending(ShardRecord s) => s.Role == ShardRole.Master && !trimmed.Contains(s.Uid);
        var pending = context.State.ShardsOf(bdb.Uid).Where(Pending).OrderBy(s => s.Uid).ToList();
        var masters = context.State.ShardsOf(bdb.Uid).Count(s => s.Role == ShardRole.Master);
        if (pending.Count == 0)
        {
            await context.AdvanceAsync(action, bdb.Replication ? AddReplicas : Activate, 85, [], cancellationToken).ConfigureAwait(false);
            return;
        }
        if (pending.FirstOrDefault(s => IsServing(context, s)) is not { } master)
        {
            await context.WaitUntilAsync(_ => Task.FromResult(context.State.ShardsOf(bdb.Uid).Any(s => Pending(s) && IsServing(context, s))),
                cancellationToken, Handover.Timeout).ConfigureAwait(false);
            return;
        }
        if (context.State.Nodes.GetValueOrDefault(master.NodeUid) is { } node)
        {
            var deleted = await context.Trimmer.TrimAsync(node.Address, master.Port, master.AssignedSlots.AsImmutableArray(), BdbKeyHashing.Of(bdb),
                cancellationToken).ConfigureAwait(false);
            Log.ShardTrimmed(context.Logger, master.Uid, deleted);
        }
        var done = trimmed.Append(master.Uid).ToList();
        var next = action with { Data = action.Data.SetItem("trimmed", Handover.FormatUids(done)) };
        await context.AdvanceAsync(next, Trim, 65 + (20.0 * Math.Min(done.Count, masters) / Math.Max(1, masters)), [], cancellationToken).ConfigureAwait(false);
    }

    private static bool IsServing(ActionContext context, ShardRecord shard) =>
        context.IsNodeAlive(shard.NodeUid) && !Health.ShardReport.SaysDown(context.Health.GetShard(shard.Uid, shard.NodeUid));

    private static async Task RollBackAsync(ActionContext context, ActionRecord action, BdbRecord bdb, IReadOnlyList<Split> splits, string error,
        CancellationToken cancellationToken)
    {
        var state = context.State;
        var oldCount = int.TryParse(action.Data.GetValueOrDefault("old_count"), out var n) ? n : bdb.ShardsCount;
        if (AnyMasterFailed(context, splits))
        {
            error = "a master being split failed; the reshard was rolled back so that the master can fail over";
        }
        var created = splits.SelectMany(s => s.New).Where(state.Shards.ContainsKey).ToValueList();
        var commands = new List<ClusterCommand>(Handover.SetHeld(state, splits.Select(s => s.Master), false));
        if (created.Count > 0)
        {
            commands.Add(new DeleteShards { BdbUid = bdb.Uid, ShardUids = created });
        }
        commands.Add(new PutBdb { Bdb = bdb with { ShardsCount = oldCount, Status = BdbStatus.Active }, ExpectedVersion = null });
        await context.AdvanceAsync(action, BdbSteps.Failed, action.Progress, commands, cancellationToken, ActionStatus.Failed, error).ConfigureAwait(false);
    }

    // A splitting master that dies ends the reshard at once (rolled back), so that the watchdog can fail it over
    // instead of the database waiting for a step timeout.
    private static bool AnyMasterFailed(ActionContext context, IReadOnlyList<Split> splits) =>
        splits.Any(split => context.State.Shards.GetValueOrDefault(split.Master) is not { Role: ShardRole.Master } master || !IsServing(context, master));

    private static int FirstSlot(ShardRecord shard) => shard.AssignedSlots.Count == 0 ? int.MaxValue : shard.AssignedSlots.Min(r => r.Start);

    private static IReadOnlyList<Split> ParseSplits(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split(';').Select(part =>
            {
                var arrow = part.IndexOf('>', StringComparison.Ordinal);
                return new Split(int.Parse(part.AsSpan(0, arrow), System.Globalization.CultureInfo.InvariantCulture), Handover.ParseUids(part[(arrow + 1)..]));
            }).ToList();

    private sealed record Split(int Master, IReadOnlyList<int> New);
}
