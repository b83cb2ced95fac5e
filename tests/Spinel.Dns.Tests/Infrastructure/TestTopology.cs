using Spinel.Model;

namespace Spinel.Dns.Tests.Infrastructure;

/// <summary>Topologies for the tests: cluster <c>cluster.test</c>, nodes 1-3 on 127.0.0.1-3.</summary>
internal static class TestTopology
{
    public const string Zone = "cluster.test";

    public static NodeConfig Node(int uid, bool active = true) => new() { Uid = uid, Address = $"127.0.0.{uid}", Active = active };

    public static DatabaseConfig Database(int uid, string name, int port, params int[] endpointNodes) =>
        new() { Uid = uid, Name = name, Port = port, EndpointNodes = endpointNodes };

    /// <summary>db1 on port 12000 bound on node 1; cache on port 12001 bound on every node.</summary>
    public static TopologySnapshot Standard(long version = 1) => new()
    {
        Version = version,
        ClusterName = Zone,
        Nodes = [Node(1), Node(2), Node(3)],
        Databases = [Database(1, "db1", 12000, 1), Database(2, "cache", 12001, 1, 2, 3)],
    };
}
