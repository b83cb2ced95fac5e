using Spinel.Discovery.Tests.Infrastructure;

namespace Spinel.Discovery.Tests.Hosting;

/// <summary>Each SENTINEL subcommand's reply, as Sentinel shapes it, against the topology of <see cref="TestTopology"/>.</summary>
public sealed class SentinelCommandTests : IAsyncLifetime
{
    private DiscoveryServer _server = null!;
    private TestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await DiscoveryServer.StartAsync();
        _client = await _server.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetMasterAddrByName_EndpointOnAnotherNode_ReturnsThatNodesProxy()
    {
        Assert.Equal(Wire.Array("10.0.0.2", "12000"), await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "orders"));
    }

    [Fact]
    public async Task GetMasterAddrByName_InternalName_ReturnsTheSameEndpoint()
    {
        Assert.Equal(Wire.Array("10.0.0.2", "12000"), await _client.CommandAsync("sentinel", "get-master-addr-by-name", "orders@internal"));
    }

    [Fact]
    public async Task GetMasterAddrByName_EndpointAlsoOnThisNode_PrefersThisNode()
    {
        Assert.Equal(Wire.Array("10.0.0.1", "12001"), await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "cache"));
    }

    [Fact]
    public async Task GetMasterAddrByName_AskedOfAnotherBindingNode_ThatNodeAnswersWithItsOwnProxy()
    {
        await using var nodeThree = await DiscoveryServer.StartAsync(nodeUid: 3);
        await using var client = await nodeThree.ConnectAsync();

        Assert.Equal(Wire.Array("10.0.0.3", "12001"), await client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "cache"));
        Assert.Equal(Wire.Array("10.0.0.2", "12000"), await client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "orders"));
    }

    [Fact]
    public async Task GetMasterAddrByName_LowestBindingNodeDown_ReturnsLowestActiveOne()
    {
        Assert.Equal(Wire.Array("10.0.0.3", "12002"), await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "sessions"));
    }

    [Fact]
    public async Task GetMasterAddrByName_UnknownName_ReturnsNullArray()
    {
        Assert.Equal("*-1\r\n", await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "nope"));
        Assert.Equal("*-1\r\n", await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "ORDERS"));
    }

    [Fact]
    public async Task Masters_ListsEachDatabaseByNameAndInternalName()
    {
        var masters = Wire.Entries(await _client.CommandAsync("SENTINEL", "MASTERS"));

        Assert.Equal(["orders", "orders@internal", "cache", "cache@internal", "sessions", "sessions@internal"], masters.Select(m => m["name"]));
        Assert.Equal(["10.0.0.2", "10.0.0.2", "10.0.0.1", "10.0.0.1", "10.0.0.3", "10.0.0.3"], masters.Select(m => m["ip"]));
        Assert.Equal(["12000", "12000", "12001", "12001", "12002", "12002"], masters.Select(m => m["port"]));
        Assert.All(masters, m =>
        {
            Assert.Equal("master", m["flags"]);
            Assert.Equal("0", m["num-slaves"]);
            Assert.Equal("0", m["num-other-sentinels"]);
            Assert.Equal("1", m["quorum"]);
            Assert.Matches("^[0-9a-f]{40}$", m["runid"]);
        });
    }

    [Fact]
    public async Task Master_KnownName_ReturnsItsFieldsAsAFlatArray()
    {
        var reply = await _client.CommandAsync("SENTINEL", "MASTER", "orders");

        Assert.StartsWith("*40\r\n", reply, StringComparison.Ordinal);
        var fields = Wire.Fields(reply);
        Assert.Equal("orders", fields["name"]);
        Assert.Equal("10.0.0.2", fields["ip"]);
        Assert.Equal("12000", fields["port"]);
        Assert.Equal("master", fields["role-reported"]);
        Assert.Equal(["name", "ip", "port", "runid", "flags"], fields.Keys.Take(5));
    }

    [Fact]
    public async Task Master_UnknownName_AnswersSentinelsError()
    {
        Assert.Equal(Wire.Error("ERR No such master with that name"), await _client.CommandAsync("SENTINEL", "MASTER", "nope"));
    }

    [Theory]
    [InlineData("REPLICAS")]
    [InlineData("SLAVES")]
    public async Task Replicas_KnownName_IsEmptyBecauseOnlyPrimaryEndpointsArePublished(string subcommand)
    {
        Assert.Equal("*0\r\n", await _client.CommandAsync("SENTINEL", subcommand, "orders"));
        Assert.Equal(Wire.Error("ERR No such master with that name"), await _client.CommandAsync("SENTINEL", subcommand, "nope"));
    }

    [Fact]
    public async Task Sentinels_ListsTheOtherActiveNodesDiscoveryServices()
    {
        var sentinels = Wire.Entries(await _client.CommandAsync("SENTINEL", "SENTINELS", "orders"));

        var peer = Assert.Single(sentinels);
        Assert.Equal("10.0.0.3", peer["ip"]);
        Assert.Equal(_server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), peer["port"]);
        Assert.Equal("sentinel", peer["flags"]);
        Assert.Equal(peer["name"], peer["runid"]);
        Assert.Equal(Wire.Error("ERR No such master with that name"), await _client.CommandAsync("SENTINEL", "SENTINELS", "nope"));
    }

    [Fact]
    public async Task Myid_IsStableAndDiffersFromThePeers()
    {
        var myId = Wire.Bulks("*1\r\n" + await _client.CommandAsync("SENTINEL", "MYID")).Single();
        var peer = Wire.Entries(await _client.CommandAsync("SENTINEL", "SENTINELS", "orders")).Single();

        Assert.Matches("^[0-9a-f]{40}$", myId);
        Assert.NotEqual(peer["runid"], myId);
        Assert.Equal(Wire.Bulk(myId), await _client.CommandAsync("SENTINEL", "MYID"));
    }

    [Fact]
    public async Task UnknownSubcommand_AnswersRedisError()
    {
        Assert.Equal(Wire.Error("ERR unknown subcommand 'frobnicate'. Try SENTINEL HELP."), await _client.CommandAsync("SENTINEL", "frobnicate"));
    }

    [Fact]
    public async Task KnownSubcommand_WrongArgumentCount_AnswersArityError()
    {
        Assert.Equal(Wire.Error("ERR wrong number of arguments for 'sentinel|master' command"), await _client.CommandAsync("SENTINEL", "MASTER"));
        Assert.Equal(Wire.Error("ERR wrong number of arguments for 'sentinel' command"), await _client.CommandAsync("SENTINEL"));
    }

    [Fact]
    public async Task Answers_FollowTheNewestSnapshot()
    {
        _server.Update(t => t with { Databases = [.. t.Databases, TestTopology.Database(4, "late", 12004, 3)] });

        Assert.Equal(Wire.Array("10.0.0.3", "12004"), await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "late"));
    }
}
