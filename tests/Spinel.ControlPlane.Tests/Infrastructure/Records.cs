using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Infrastructure;

/// <summary>Sample records and states for the tests.</summary>
internal static class Records
{
    public static readonly DateTimeOffset Time = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static ClusterRecord Cluster(string name = "cluster.local") => new() { Name = name, CreatedTime = Time };

    public static NodeRecord Node(int n, int uid = 0) => new()
    {
        Uid = uid,
        Address = $"127.0.0.{n}",
        RaftEndPoint = $"127.0.0.{n}:9100",
        TotalMemory = 8L << 30,
        RackId = $"rack-{n}",
    };

    public static BdbRecord Bdb(string name = "db1", int port = 12000, int uid = 0) => new()
    {
        Uid = uid,
        Name = name,
        MemorySize = 1L << 30,
        Port = port,
        ShardsCount = 2,
    };

    public static ShardRecord Shard(int bdbUid, int nodeUid, int port, int uid = 0, int? replicaOf = null) => new()
    {
        Uid = uid,
        BdbUid = bdbUid,
        NodeUid = nodeUid,
        Port = port,
        Role = replicaOf is null ? ShardRole.Master : ShardRole.Replica,
        ReplicaOf = replicaOf,
        AssignedSlots = [new SlotRange(0, 8191)],
    };

    public static UserRecord User(string name = "admin", UserRole role = UserRole.Admin, int uid = 0) => new()
    {
        Uid = uid,
        Name = name,
        Email = $"{name}@example.com",
        Role = role,
        PasswordHash = "pbkdf2$1$salt$hash",
    };

    public static ActionRecord Action(string uid = "a-1", string objectName = "bdb:1") => new()
    {
        ActionUid = uid,
        Name = "SMCreateBDB",
        ObjectName = objectName,
        State = "placement",
        Status = ActionStatus.Active,
        Progress = 10,
        CreationTime = Time,
    };

    /// <summary>A created cluster with nodes 1-3 and an admin (user 1).</summary>
    public static ClusterState Created()
    {
        var state = ClusterStateMachine.Apply(ClusterState.Empty, new CreateCluster { Cluster = Cluster(), FirstNode = Node(1), Admin = User() });
        state = ClusterStateMachine.Apply(state, new AddNode { Node = Node(2) });
        return ClusterStateMachine.Apply(state, new AddNode { Node = Node(3) });
    }

    /// <summary><see cref="Created"/> plus bdb 1 (db1, port 12000) with a master on node 1 (shard 1) and its replica on node 2 (shard 2).</summary>
    public static ClusterState WithBdb()
    {
        var state = ClusterStateMachine.Apply(Created(), new PutBdb { Bdb = Bdb() });
        state = ClusterStateMachine.Apply(state, new PutShards { BdbUid = 1, Shards = [Shard(1, 1, 20000)] });
        return ClusterStateMachine.Apply(state, new PutShards { BdbUid = 1, Shards = [Shard(1, 2, 20001, replicaOf: 1)] });
    }
}
