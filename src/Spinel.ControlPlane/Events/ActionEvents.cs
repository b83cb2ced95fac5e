using System.Globalization;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Events;

/// <summary>
/// The events one step of an action logs, read off the step's own batch (the action before and after, and the commands
/// it commits), so every state machine logs alike without knowing about the event log.
/// </summary>
internal static class ActionEvents
{
    public static IEnumerable<EventRecord> For(ClusterState state, ActionRecord before, ActionRecord after, IReadOnlyList<ClusterCommand> commands,
        DateTimeOffset time)
    {
        foreach (var command in commands)
        {
            switch (command)
            {
                case DeleteBdb delete when state.Bdbs.GetValueOrDefault(delete.Uid) is { } bdb:
                    yield return ClusterEvents.BdbDeleted(bdb, time);
                    break;
                case RemoveNode remove when state.Nodes.GetValueOrDefault(remove.Uid) is { } node:
                    yield return ClusterEvents.NodeRemoved(node, time);
                    break;
            }
        }
        if (after.Name == ActionNames.Failover && !before.Data.ContainsKey("pairs") && after.Data.GetValueOrDefault("pairs") is { } pairs)
        {
            var mode = after.Data.GetValueOrDefault("mode") ?? "manual";
            foreach (var (master, replica) in Promotions(state, pairs))
            {
                yield return ClusterEvents.ShardFailover(master, replica, mode, after.ActionUid, time);
            }
        }
        if (before.Status == after.Status)
        {
            yield break;
        }
        if (after.Status == ActionStatus.Failed)
        {
            yield return ClusterEvents.ActionFailed(before, after.Error, time);
        }
        else if (after.Status == ActionStatus.Completed && ClusterEvents.ActionCompleted(after, time) is { } completed)
        {
            yield return completed;
        }
    }

    // "m>r,m>r": the masters the failover replaces and the replicas it promotes, as they were before the promotion.
    private static IEnumerable<(ShardRecord Master, ShardRecord Replica)> Promotions(ClusterState state, string pairs)
    {
        foreach (var pair in pairs.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('>');
            if (parts.Length == 2 &&
                int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var masterUid) &&
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var replicaUid) &&
                state.Shards.GetValueOrDefault(masterUid) is { } master &&
                state.Shards.GetValueOrDefault(replicaUid) is { } replica)
            {
                yield return (master, replica);
            }
        }
    }
}
