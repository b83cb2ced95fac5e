using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Spinel.Dns.Tests.Infrastructure;
using Spinel.Model;
using static Spinel.Dns.Tests.Infrastructure.TestTopology;

namespace Spinel.Dns.Tests;

public sealed class ClusterDnsServerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_EndpointByPortName_AnswersBoundNodeAuthoritativelyWithShortTtl(bool tcp)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());

        var response = await dns.Client(tcp).QueryAsync("redis-12000.cluster.test", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.False(response.Header.RecursionAvailable);
        var record = Assert.Single(response.Answers.ARecords());
        Assert.Equal(IPAddress.Parse("127.0.0.1"), record.Address);
        Assert.Equal(5, record.InitialTimeToLive);
    }

    [Theory]
    [InlineData(false, "db1.cluster.test")]
    [InlineData(true, "db1.cluster.test")]
    [InlineData(false, "DB1.Cluster.TEST")]
    [InlineData(false, "Redis-12000.CLUSTER.test.")]
    public async Task Query_DatabaseNameInAnyCase_AnswersBoundNode(bool tcp, string name)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());

        var response = await dns.Client(tcp).QueryAsync(name, QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.Equal([IPAddress.Parse("127.0.0.1")], response.Answers.ARecords().Select(r => r.Address));
    }

    [Theory]
    [InlineData(false, "redis-12001.cluster.test")]
    [InlineData(true, "cache.cluster.test")]
    public async Task Query_EndpointOnSeveralNodes_AnswersEveryNode(bool tcp, string name)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());

        var response = await dns.Client(tcp).QueryAsync(name, QueryType.A);

        Assert.Equal(["127.0.0.1", "127.0.0.2", "127.0.0.3"], response.Answers.ARecords().Select(r => r.Address.ToString()).Order());
    }

    [Theory]
    [InlineData(false, "nope.cluster.test")]
    [InlineData(true, "nope.cluster.test")]
    [InlineData(false, "redis-12999.cluster.test")]
    [InlineData(false, "www.redis-12000.cluster.test")]
    [InlineData(false, "ns9.cluster.test")]
    public async Task Query_NameInZoneThatDoesNotExist_IsNxDomainWithSoa(bool tcp, string name)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());

        var response = await dns.Client(tcp).QueryAsync(name, QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.Empty(response.Answers);
        var soa = Assert.Single(response.Authorities.SoaRecords());
        Assert.Equal("cluster.test.", soa.DomainName.Value);
        Assert.Equal(5u, soa.Minimum);
    }

    [Theory]
    [InlineData(false, QueryType.TXT)]
    [InlineData(true, QueryType.AAAA)]
    [InlineData(false, QueryType.MX)]
    public async Task Query_OtherTypeOfExistingName_IsEmptyNoErrorWithSoa(bool tcp, QueryType type)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());

        var response = await dns.Client(tcp).QueryAsync("redis-12000.cluster.test", type);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.Empty(response.Answers);
        Assert.Single(response.Authorities.SoaRecords());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_ApexSoa_NamesThisNodesNameServerAndTopologyVersion(bool tcp)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard(version: 42), nodeUid: 2);

        var response = await dns.Client(tcp).QueryAsync("cluster.test", QueryType.SOA);

        Assert.True(response.Header.HasAuthorityAnswer);
        var soa = Assert.Single(response.Answers.SoaRecords());
        Assert.Equal("ns2.cluster.test.", soa.MName.Value);
        Assert.Equal("hostmaster.cluster.test.", soa.RName.Value);
        Assert.Equal(42u, soa.Serial);
        Assert.Equal(5u, soa.Minimum);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_ApexNs_ListsActiveNodesWithTheirAddresses(bool tcp)
    {
        var topology = Standard() with { Nodes = [Node(1), Node(2), Node(3, active: false)] };
        await using var dns = await DnsTestServer.StartAsync(topology);
        var client = dns.Client(tcp);

        var response = await client.QueryAsync("cluster.test", QueryType.NS);

        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.Equal(["ns1.cluster.test.", "ns2.cluster.test."], response.Answers.NsRecords().Select(r => r.NSDName.Value).Order());
        Assert.Equal(["ns1.cluster.test. 127.0.0.1", "ns2.cluster.test. 127.0.0.2"],
            response.Additionals.ARecords().Select(r => $"{r.DomainName.Value} {r.Address}").Order());
        var glue = await client.QueryAsync("ns2.cluster.test", QueryType.A);
        Assert.Equal([IPAddress.Parse("127.0.0.2")], glue.Answers.ARecords().Select(r => r.Address));
        var down = await client.QueryAsync("ns3.cluster.test", QueryType.A);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, down.Header.ResponseCode);
    }

    [Theory]
    [InlineData(false, "redis-12000.example.com")]
    [InlineData(true, "example.com")]
    [InlineData(false, "test")]
    [InlineData(false, "redis-12000.cluster.test.example")]
    public async Task Query_NameOutsideZone_IsRefused(bool tcp, string name)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());

        var response = await dns.Client(tcp).QueryAsync(name, QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.Refused, response.Header.ResponseCode);
        Assert.False(response.Header.HasAuthorityAnswer);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public async Task Query_NodeInNoClusterYet_IsRefused()
    {
        await using var dns = await DnsTestServer.StartAsync(TopologySnapshot.Empty);

        var response = await dns.Client().QueryAsync("redis-12000.cluster.test", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.Refused, response.Header.ResponseCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_AfterEndpointMoves_AnswersNewNodeAtOnce(bool tcp)
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());
        var client = dns.Client(tcp);
        var before = await client.QueryAsync("redis-12000.cluster.test", QueryType.A);
        Assert.Equal([IPAddress.Parse("127.0.0.1")], before.Answers.ARecords().Select(r => r.Address));

        var moved = Standard(version: 2);
        dns.Topology.Update(moved with { Databases = [Database(1, "db1", 12000, 3), moved.Databases[1]] });

        var after = await client.QueryAsync("db1.cluster.test", QueryType.A);
        Assert.Equal([IPAddress.Parse("127.0.0.3")], after.Answers.ARecords().Select(r => r.Address));
        var soa = await client.QueryAsync("cluster.test", QueryType.SOA);
        Assert.Equal(2u, Assert.Single(soa.Answers.SoaRecords()).Serial);
    }

    [Fact]
    public async Task Query_DatabaseCreatedThenDeleted_NameAppearsThenIsNxDomain()
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());
        var client = dns.Client();
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, (await client.QueryAsync("orders.cluster.test", QueryType.A)).Header.ResponseCode);

        var created = Standard(version: 2);
        dns.Topology.Update(created with { Databases = [.. created.Databases, Database(3, "orders", 12002, 2)] });
        var found = await client.QueryAsync("orders.cluster.test", QueryType.A);
        Assert.Equal([IPAddress.Parse("127.0.0.2")], found.Answers.ARecords().Select(r => r.Address));

        dns.Topology.Update(Standard(version: 3));
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, (await client.QueryAsync("orders.cluster.test", QueryType.A)).Header.ResponseCode);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, (await client.QueryAsync("redis-12002.cluster.test", QueryType.A)).Header.ResponseCode);
    }

    [Fact]
    public async Task Query_EndpointBoundOnNodeDeclaredDown_LeavesThatNodeOut()
    {
        var topology = Standard() with { Nodes = [Node(1), Node(2, active: false), Node(3)] };
        await using var dns = await DnsTestServer.StartAsync(topology);

        var response = await dns.Client().QueryAsync("cache.cluster.test", QueryType.A);

        Assert.Equal(["127.0.0.1", "127.0.0.3"], response.Answers.ARecords().Select(r => r.Address.ToString()).Order());
    }

    [Fact]
    public async Task Query_ManyNodesOverUdp_IsTruncatedAndClientRetriesOverTcp()
    {
        var nodes = Enumerable.Range(1, 60).Select(uid => new NodeConfig { Uid = uid, Address = $"10.0.{uid / 256}.{uid % 256}" }).ToList();
        var topology = Standard() with { Nodes = nodes, Databases = [Database(1, "big", 12000, [.. nodes.Select(n => n.Uid)])] };
        await using var dns = await DnsTestServer.StartAsync(topology);
        var client = new LookupClient(new LookupClientOptions(new NameServer(IPAddress.Loopback, dns.Port))
        {
            UseCache = false, UseTcpFallback = true, Retries = 0, ExtendedDnsBufferSize = 512,
        });

        var response = await client.QueryAsync("big.cluster.test", QueryType.A);

        Assert.Equal(60, response.Answers.ARecords().Count());
    }

    [Fact]
    public async Task Query_ManyClientsWhileEndpointMoves_AlwaysAnswerOneOfTheBoundNodes()
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());
        var client = dns.Client();
        using var done = new CancellationTokenSource();
        var mover = Task.Run(async () =>
        {
            for (var version = 2; !done.IsCancellationRequested; version++)
            {
                var next = Standard(version);
                dns.Topology.Update(next with { Databases = [Database(1, "db1", 12000, 1 + version % 3), next.Databases[1]] });
                await Task.Delay(1);
            }
        });

        // Eight clients asking one after another: a burst of hundreds of datagrams at once would only measure the
        // loopback's receive buffer, which drops them (resolvers retry; this client does not).
        var answers = (await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var seen = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                var response = await client.QueryAsync(i % 2 == 0 ? "db1.cluster.test" : "redis-12000.cluster.test", QueryType.A);
                seen.Add(string.Join(',', response.Answers.ARecords().Select(r => r.Address)));
            }
            return seen;
        }))).SelectMany(a => a).ToList();
        await done.CancelAsync();
        await mover;

        Assert.All(answers, a => Assert.Contains(a, new[] { "127.0.0.1", "127.0.0.2", "127.0.0.3" }));
    }
}
