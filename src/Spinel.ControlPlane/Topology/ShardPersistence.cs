using System.Globalization;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Topology;

/// <summary>Which shards of a persistent database write files, and the redis settings that say how.</summary>
public static class ShardPersistence
{
    /// <summary>
    /// True when <paramref name="shard"/> writes the database's files: every replica; a master only with
    /// <c>master_persistence</c> or while no replica of it exists (then it is the only copy). With
    /// <paramref name="nodeIsDown"/>, a replica on a node that is down does not count: its master is the only live copy.
    /// </summary>
    public static bool Persists(BdbRecord bdb, ShardRecord shard, IEnumerable<ShardRecord> shardsOfBdb, Func<int, bool>? nodeIsDown = null) =>
        bdb.DataPersistence != DataPersistence.Disabled &&
        (shard.Role == ShardRole.Replica || bdb.MasterPersistence ||
         !shardsOfBdb.Any(s => s.ReplicaOf == shard.Uid && !(nodeIsDown?.Invoke(s.NodeUid) ?? false)));

    public static string AppendFsync(AofPolicy policy) => policy == AofPolicy.AppendFsyncAlways ? "always" : "everysec";

    public static string SaveRules(IEnumerable<SnapshotRule> rules) =>
        string.Join(' ', rules.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Secs} {r.Writes}")));
}
