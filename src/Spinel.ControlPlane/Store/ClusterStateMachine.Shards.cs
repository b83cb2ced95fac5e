using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyPutShards(ClusterState state, PutShards command)
    {
        if (CheckBdb(state, command.BdbUid, command.ExpectedBdbVersion, out var bdb) is { } rejection)
        {
            return Reject(state, rejection);
        }
        var shards = state.Shards;
        var nextUid = state.NextShardUid;
        var assigned = new List<int>();
        foreach (var shard in command.Shards)
        {
            if (ValidateShard(state, command.BdbUid, shard) is { } invalid)
            {
                return Reject(state, invalid);
            }
            var uid = shard.Uid;
            if (uid == 0)
            {
                uid = nextUid;
                assigned.Add(uid);
            }
            if (shards.GetValueOrDefault(uid) is { } existing && existing.BdbUid != command.BdbUid)
            {
                return Reject(state, RejectionCode.Invalid, $"shard {uid} belongs to bdb {existing.BdbUid}");
            }
            shards = shards.SetItem(uid, shard with { Uid = uid });
            nextUid = Math.Max(nextUid, uid + 1);
        }
        if (CheckShardReferences(shards, command.BdbUid) is { } broken)
        {
            return Reject(state, broken);
        }
        return Accept(state with
        {
            Shards = shards,
            NextShardUid = nextUid,
            Bdbs = state.Bdbs.SetItem(bdb.Uid, bdb with { Version = bdb.Version + 1 }),
        }, assigned.ToValueList());
    }

    private static CommandResult ApplyDeleteShards(ClusterState state, DeleteShards command)
    {
        if (CheckBdb(state, command.BdbUid, command.ExpectedBdbVersion, out var bdb) is { } rejection)
        {
            return Reject(state, rejection);
        }
        foreach (var uid in command.ShardUids)
        {
            if (state.Shards.GetValueOrDefault(uid) is not { } shard)
            {
                return Reject(state, RejectionCode.NotFound, $"shard {uid} does not exist");
            }
            if (shard.BdbUid != command.BdbUid)
            {
                return Reject(state, RejectionCode.Invalid, $"shard {uid} belongs to bdb {shard.BdbUid}");
            }
        }
        var shards = state.Shards.RemoveRange(command.ShardUids);
        if (CheckShardReferences(shards, command.BdbUid) is { } broken)
        {
            return Reject(state, broken);
        }
        return Accept(state with
        {
            Shards = shards,
            Bdbs = state.Bdbs.SetItem(bdb.Uid, bdb with { Version = bdb.Version + 1 }),
        });
    }

    private static CommandRejection? ValidateShard(ClusterState state, int bdbUid, ShardRecord shard)
    {
        if (shard.Uid < 0)
        {
            return new(RejectionCode.Invalid, $"shard uid {shard.Uid} is negative");
        }
        if (shard.BdbUid != bdbUid)
        {
            return new(RejectionCode.Invalid, $"shard {shard.Uid} names bdb {shard.BdbUid}, not {bdbUid}");
        }
        if (!state.Nodes.ContainsKey(shard.NodeUid))
        {
            return new(RejectionCode.NotFound, $"node {shard.NodeUid} of shard {shard.Uid} does not exist");
        }
        if (shard.Port <= 0)
        {
            return new(RejectionCode.Invalid, $"shard {shard.Uid} has no port");
        }
        return null;
    }

    /// <summary>Checks the shards of one database after a change: ports unique per node, replicas point at masters of the same database.</summary>
    private static CommandRejection? CheckShardReferences(ValueDictionary<int, ShardRecord> shards, int bdbUid)
    {
        var ports = new HashSet<(int Node, int Port)>();
        foreach (var shard in shards.Values)
        {
            if (!ports.Add((shard.NodeUid, shard.Port)))
            {
                return new(RejectionCode.InUse, $"port {shard.Port} on node {shard.NodeUid} is used by two shards");
            }
            if (shard.BdbUid != bdbUid || shard.ReplicaOf is not { } masterUid)
            {
                continue;
            }
            if (shards.GetValueOrDefault(masterUid) is not { } master || master.BdbUid != bdbUid)
            {
                return new(RejectionCode.Invalid, $"shard {shard.Uid} replicates shard {masterUid}, which is not a shard of bdb {bdbUid}");
            }
            if (masterUid == shard.Uid)
            {
                return new(RejectionCode.Invalid, $"shard {shard.Uid} replicates itself");
            }
        }
        return null;
    }
}
