using System.Net;
using ARSoft.Tools.Net;
using Spinel.Model;
using static Spinel.Dns.Tests.Infrastructure.TestTopology;

namespace Spinel.Dns.Tests;

public sealed class DnsZoneTests
{
    private static string[] Addresses(DnsZone zone, string name) =>
        zone.TryGetAddresses(DomainName.Parse(name), out var addresses) ? [.. addresses.Select(a => a.ToString())] : ["(none)"];

    [Fact]
    public void Build_DatabaseNameThatIsNoHostLabel_HasOnlyItsPortName()
    {
        var topology = Standard() with { Databases = [Database(1, "my db.x", 12000, 1)] };

        var zone = DnsZone.Build(topology, 1, 5);

        Assert.Equal(["127.0.0.1"], Addresses(zone, "redis-12000.cluster.test"));
        Assert.Equal(["(none)"], Addresses(zone, "x.cluster.test"));
    }

    [Fact]
    public void Build_DatabaseNamedLikeANameServerOrPortName_LeavesThoseNamesTheirOwners()
    {
        var topology = Standard() with { Databases = [Database(1, "ns2", 12000, 1), Database(2, "redis-12000", 12001, 3)] };

        var zone = DnsZone.Build(topology, 1, 5);

        Assert.Equal(["127.0.0.2"], Addresses(zone, "ns2.cluster.test"));
        Assert.Equal(["127.0.0.1"], Addresses(zone, "redis-12000.cluster.test"));
        Assert.Equal(["127.0.0.3"], Addresses(zone, "redis-12001.cluster.test"));
    }

    [Fact]
    public void Build_EndpointOnNoLiveNode_NameExistsWithoutAddresses()
    {
        var topology = Standard() with { Nodes = [Node(1, active: false), Node(2), Node(3)] };

        var zone = DnsZone.Build(topology, 2, 5);

        Assert.Empty(Addresses(zone, "db1.cluster.test"));
    }

    [Fact]
    public void Build_Ipv6NodeAddress_IsServed()
    {
        var topology = Standard() with { Nodes = [new NodeConfig { Uid = 1, Address = "::1" }] };

        var zone = DnsZone.Build(topology, 1, 5);

        Assert.True(zone.TryGetAddresses(DomainName.Parse("db1.cluster.test"), out var addresses));
        Assert.Equal([IPAddress.IPv6Loopback], addresses);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    public void Build_NoClusterName_HasNoZone(string clusterName)
    {
        var zone = DnsZone.Build(Standard() with { ClusterName = clusterName }, 1, 5);

        Assert.Null(zone.Apex);
        Assert.False(zone.Contains(DomainName.Parse("db1.cluster.test")));
    }
}
