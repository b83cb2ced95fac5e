using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Placement;

/// <summary>Builds a <see cref="ClusterState"/> by hand, with explicit uids, for placement and topology tests.</summary>
internal sealed class TestState
{
    public const long MB = 1L << 20;

    public const long GB = 1L << 30;

    private readonly List<NodeRecord> _nodes = [];
    private readonly List<BdbRecord> _bdbs = [];
    private readonly List<ShardRecord> _shards = [];
    private readonly List<EndpointRecord> _endpoints = [];

    public static BdbRecord Bdb(int uid, int shards = 1, bool replication = false, long memory = 0,
        ShardsPlacement placement = ShardsPlacement.Dense, ProxyPolicy proxy = ProxyPolicy.Single, int port = 0) => new()
    {
        Uid = uid,
        Name = $"db{uid}",
        MemorySize = memory,
        ShardsCount = shards,
        Replication = replication,
        ShardsPlacement = placement,
        ProxyPolicy = proxy,
        Port = port,
        Version = 1,
    };

    public TestState Node(int uid, int maxRedisServers = 100, long totalMemory = 0, NodeStatus status = NodeStatus.Active)
    {
        _nodes.Add(new NodeRecord
        {
            Uid = uid,
            Address = $"127.0.0.{uid}",
            RaftEndPoint = $"127.0.0.{uid}:9100",
            MaxRedisServers = maxRedisServers,
            TotalMemory = totalMemory,
            Status = status,
            Version = 1,
        });
        return this;
    }

    /// <summary>Adds nodes 1..<paramref name="count"/> with the same limits.</summary>
    public TestState Nodes(int count, int maxRedisServers = 100, long totalMemory = 0)
    {
        for (var uid = 1; uid <= count; uid++)
        {
            Node(uid, maxRedisServers, totalMemory);
        }
        return this;
    }

    public TestState With(BdbRecord bdb)
    {
        _bdbs.Add(bdb);
        return this;
    }

    public TestState Shard(int uid, int bdbUid, int nodeUid, int port, int? replicaOf = null, SlotRange? slots = null)
    {
        _shards.Add(new ShardRecord
        {
            Uid = uid,
            BdbUid = bdbUid,
            NodeUid = nodeUid,
            Port = port,
            Role = replicaOf is null ? ShardRole.Master : ShardRole.Replica,
            ReplicaOf = replicaOf,
            AssignedSlots = [slots ?? new SlotRange(0, 16383)],
        });
        return this;
    }

    public TestState Endpoint(string uid, int bdbUid, int port, params int[] nodeUids)
    {
        _endpoints.Add(new EndpointRecord { Uid = uid, BdbUid = bdbUid, Port = port, NodeUids = [.. nodeUids] });
        return this;
    }

    public ClusterState Build(long version = 1) => new()
    {
        Version = version,
        Cluster = new ClusterRecord { Name = "cluster.local", CreatedTime = DateTimeOffset.UnixEpoch },
        Nodes = _nodes.Select(n => KeyValuePair.Create(n.Uid, n)).ToValueDictionary(),
        Bdbs = _bdbs.Select(b => KeyValuePair.Create(b.Uid, b)).ToValueDictionary(),
        Shards = _shards.Select(s => KeyValuePair.Create(s.Uid, s)).ToValueDictionary(),
        Endpoints = _endpoints.Select(e => KeyValuePair.Create(e.Uid, e)).ToValueDictionary(),
        NextNodeUid = _nodes.Select(n => n.Uid + 1).DefaultIfEmpty(1).Max(),
        NextBdbUid = _bdbs.Select(b => b.Uid + 1).DefaultIfEmpty(1).Max(),
        NextShardUid = _shards.Select(s => s.Uid + 1).DefaultIfEmpty(1).Max(),
    };
}
