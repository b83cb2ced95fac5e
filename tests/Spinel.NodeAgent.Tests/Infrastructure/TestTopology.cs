using Spinel.Model;

namespace Spinel.NodeAgent.Tests.Infrastructure;

/// <summary>Builds topologies of one database whose shards the tests place on node 1 (or elsewhere).</summary>
internal static class TestTopology
{
    public const int ThisNode = 1;

    public static ShardConfig Shard(int uid, int port, long maxMemoryBytes = 0, int nodeUid = ThisNode) => new()
    {
        Uid = uid,
        BdbUid = 1,
        NodeUid = nodeUid,
        Host = "127.0.0.1",
        Port = port,
        MaxMemoryBytes = maxMemoryBytes,
    };

    public static ShardConfig Replica(int uid, int port, int masterUid) =>
        Shard(uid, port) with { Role = ShardRole.Replica, ReplicaOf = masterUid };

    public static TopologySnapshot Snapshot(long version, params ShardConfig[] shards) => new()
    {
        Version = version,
        Databases =
        [
            new DatabaseConfig { Uid = 1, Name = "db1", Port = 12000, Shards = shards, EndpointNodes = [ThisNode] },
        ],
    };
}
