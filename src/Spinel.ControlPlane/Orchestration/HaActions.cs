using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>Builds and finds the actions that move shards around (failover, migration, node removal).</summary>
public static class HaActions
{
    /// <summary>A new action, active from its first state.</summary>
    public static ActionRecord New(string name, string objectName, string state, ValueDictionary<string, string> data, DateTimeOffset now) => new()
    {
        ActionUid = Guid.NewGuid().ToString(),
        Name = name,
        ObjectName = objectName,
        State = state,
        Status = ActionStatus.Active,
        Progress = 0,
        Data = data,
        CreationTime = now,
    };

    /// <summary>The action that keeps another one off the database: one moving its shards, or any unfinished one on it.</summary>
    public static ActionRecord? Occupying(ClusterState state, int bdbUid)
    {
        var objectName = ActionNames.BdbObject(bdbUid);
        return Moving(state, bdbUid) ??
               state.Actions.Values.FirstOrDefault(a => a.ObjectName == objectName && a.Status is ActionStatus.Pending or ActionStatus.Active);
    }

    /// <summary>
    /// An unfinished action that moves shards of the database (failover, migration, node removal, reshard), or deletes it.
    /// A reshard that has published its final routing and only trims keys does not count: a master that dies meanwhile
    /// must fail over at once rather than after the trim.
    /// </summary>
    public static ActionRecord? Moving(ClusterState state, int bdbUid)
    {
        var objectName = ActionNames.BdbObject(bdbUid);
        var bdbText = bdbUid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return state.Actions.Values.FirstOrDefault(a =>
            a.Status is ActionStatus.Pending or ActionStatus.Active &&
            (a.Name is ActionNames.Failover or ActionNames.MigrateShards or ActionNames.DeleteBdb && a.ObjectName == objectName ||
             a.Name == ActionNames.ReshardBdb && a.ObjectName == objectName && a.State != ReshardMachine.Trim ||
             a.Name == ActionNames.MigrateShards && (a.Data.GetValueOrDefault("bdbs") ?? "").Split(',').Contains(bdbText) ||
             a.Name == ActionNames.RemoveNode && a.State.StartsWith("move_", StringComparison.Ordinal) &&
             state.Shards.GetValueOrDefault(int.TryParse(a.Data.GetValueOrDefault("move_shard"), out var s) ? s : 0)?.BdbUid == bdbUid));
    }
}
