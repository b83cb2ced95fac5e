using Spinel.Model;

namespace Spinel.Discovery.Tests.Infrastructure;

/// <summary>A three-node topology whose databases exercise each rule for choosing the endpoint address.</summary>
internal static class TestTopology
{
    public const string Cluster = "cluster.test";

    public static NodeConfig Node(int uid, bool active = true) => new() { Uid = uid, Address = $"10.0.0.{uid}", Active = active };

    public static DatabaseConfig Database(int uid, string name, int port, params int[] endpointNodes) =>
        new() { Uid = uid, Name = name, Port = port, EndpointNodes = endpointNodes };

    /// <summary>
    /// Node 1 is this node. orders: bound on node 2 only. cache: bound on every node. sessions: bound on 2 (down) and 3.
    /// </summary>
    public static TopologySnapshot Initial(long version = 1) => new()
    {
        Version = version,
        ClusterName = Cluster,
        Nodes = [Node(1), Node(2, active: false), Node(3)],
        Databases =
        [
            Database(1, "orders", 12000, 2),
            Database(2, "cache", 12001, 1, 2, 3),
            Database(3, "sessions", 12002, 2, 3),
        ],
    };
}
