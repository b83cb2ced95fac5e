using System.Globalization;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Events;

/// <summary>Builds the events the control plane logs; callers add them to the batch that makes the change.</summary>
public static class ClusterEvents
{
    public static AppendEvents Append(params EventRecord[] events) => new() { Events = events.ToValueList() };

    public static EventRecord BdbCreated(BdbRecord bdb, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.BdbCreated,
        BdbUid = bdb.Uid,
        Description = $"database {bdb.Uid} '{bdb.Name}' created: {bdb.ShardsCount} shard(s){(bdb.Replication ? " with replication" : "")}, port {bdb.Port}",
    };

    public static EventRecord BdbUpdated(BdbRecord bdb, IReadOnlyList<string> changed, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.BdbUpdated,
        BdbUid = bdb.Uid,
        Description = changed.Count == 0
            ? $"database {bdb.Uid} '{bdb.Name}' updated"
            : $"database {bdb.Uid} '{bdb.Name}' updated: {string.Join(", ", changed)}",
    };

    public static EventRecord BdbNameUpdated(BdbRecord before, BdbRecord after, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.BdbNameUpdated,
        BdbUid = after.Uid,
        Description = $"database {after.Uid} renamed from '{before.Name}' to '{after.Name}'",
    };

    public static EventRecord BdbDeleted(BdbRecord bdb, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.BdbDeleted,
        BdbUid = bdb.Uid,
        Description = $"database {bdb.Uid} '{bdb.Name}' deleted",
    };

    public static EventRecord NodeJoined(NodeRecord node, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.NodeJoined,
        NodeUid = node.Uid,
        Description = $"node {node.Uid} ({node.Address}) joined the cluster",
    };

    public static EventRecord NodeRemoved(NodeRecord node, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.NodeRemoved,
        NodeUid = node.Uid,
        Description = $"node {node.Uid} ({node.Address}) removed from the cluster",
    };

    public static EventRecord NodeFailed(NodeRecord node, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.NodeFailed,
        Severity = EventSeverity.Error,
        NodeUid = node.Uid,
        Description = $"node {node.Uid} ({node.Address}) stopped answering heartbeats: marked down",
    };

    public static EventRecord NodeRecovered(NodeRecord node, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.NodeRecovered,
        NodeUid = node.Uid,
        Description = $"node {node.Uid} ({node.Address}) answers heartbeats again: marked active",
    };

    /// <summary>A replica promoted in place of its master; <paramref name="mode"/> is <c>auto</c> or <c>manual</c>.</summary>
    public static EventRecord ShardFailover(ShardRecord master, ShardRecord replica, string mode, string actionUid, DateTimeOffset time) => new()
    {
        Time = time,
        Type = EventTypes.ShardFailover,
        Severity = mode == "auto" ? EventSeverity.Warning : EventSeverity.Info,
        BdbUid = master.BdbUid,
        NodeUid = master.NodeUid,
        ShardUid = master.Uid,
        ActionUid = actionUid,
        Description = $"{mode} failover of master shard {master.Uid} on node {master.NodeUid}: replica shard {replica.Uid} on node {replica.NodeUid} promoted",
        Data = default(ValueDictionary<string, string>)
            .SetItem("mode", mode)
            .SetItem("from_node_uid", Text(master.NodeUid))
            .SetItem("to_node_uid", Text(replica.NodeUid))
            .SetItem("new_master_shard_uid", Text(replica.Uid)),
    };

    public static EventRecord ActionFailed(ActionRecord action, string? error, DateTimeOffset time) => WithObject(new EventRecord
    {
        Time = time,
        Type = EventTypes.ActionFailed,
        Severity = EventSeverity.Error,
        ActionUid = action.ActionUid,
        Description = $"{action.Name} of {action.ObjectName} failed in state {action.State}: {error ?? "no reason given"}",
        Data = default(ValueDictionary<string, string>).SetItem("action", action.Name),
    }, action);

    /// <summary>An action that moves shards or reshards a database started (null for actions that log nothing when they start).</summary>
    public static EventRecord? ActionStarted(ActionRecord action, DateTimeOffset time) => action.Name switch
    {
        ActionNames.ReshardBdb => WithObject(ActionEvent(action, EventTypes.ReshardStarted, "resharding started", time), action),
        ActionNames.MigrateShards => WithObject(ActionEvent(action, EventTypes.MigrationStarted,
            $"shard migration started ({action.Data.GetValueOrDefault("reason") ?? "requested"}): shards {action.Data.GetValueOrDefault("shards") ?? "-"}", time), action),
        _ => null,
    };

    /// <summary>The event for an action that completed (null for actions whose changes log their own events).</summary>
    public static EventRecord? ActionCompleted(ActionRecord action, DateTimeOffset time) => action.Name switch
    {
        ActionNames.ReshardBdb => WithObject(ActionEvent(action, EventTypes.ReshardCompleted, "resharding completed", time), action),
        ActionNames.MigrateShards => WithObject(ActionEvent(action, EventTypes.MigrationCompleted, "shard migration completed", time), action),
        _ => null,
    };

    private static EventRecord ActionEvent(ActionRecord action, string type, string what, DateTimeOffset time) => new()
    {
        Time = time,
        Type = type,
        ActionUid = action.ActionUid,
        Description = $"{action.ObjectName}: {what}",
        Data = default(ValueDictionary<string, string>).SetItem("action", action.Name),
    };

    // Actions name their object as bdb:n or node:n; the event carries it as the matching uid.
    private static EventRecord WithObject(EventRecord record, ActionRecord action)
    {
        var colon = action.ObjectName.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(action.ObjectName.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            return record;
        }
        return action.ObjectName[..colon] switch
        {
            "bdb" => record with { BdbUid = uid },
            "node" => record with { NodeUid = uid },
            _ => record,
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
