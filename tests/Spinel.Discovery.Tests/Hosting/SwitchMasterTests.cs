using Spinel.Discovery.Tests.Infrastructure;
using Spinel.Model;

namespace Spinel.Discovery.Tests.Hosting;

/// <summary>Pub/sub as Sentinel does it, and the <c>+switch-master</c> messages sent when an endpoint moves.</summary>
public sealed class SwitchMasterTests : IAsyncLifetime
{
    private const string Channel = "+switch-master";

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

    private static string Confirmation(string kind, string channel, int count) =>
        $"*3\r\n{Wire.Bulk(kind)}{Wire.Bulk(channel)}:{count}\r\n";

    private static TopologySnapshot MoveOrdersTo(TopologySnapshot t, int nodeUid) => t with
    {
        Databases = [.. t.Databases.Select(d => d.Name == "orders" ? d with { EndpointNodes = [nodeUid] } : d)],
    };

    [Fact]
    public async Task Subscribe_EndpointMoves_PublishesSwitchMasterForTheNameAndTheInternalName()
    {
        Assert.Equal(Confirmation("subscribe", Channel, 1), await _client.CommandAsync("SUBSCRIBE", Channel));

        _server.Update(t => MoveOrdersTo(t, 3));

        Assert.Equal(Wire.Array("message", Channel, "orders 10.0.0.2 12000 10.0.0.3 12000"), await _client.ReadAsync());
        Assert.Equal(Wire.Array("message", Channel, "orders@internal 10.0.0.2 12000 10.0.0.3 12000"), await _client.ReadAsync());
        Assert.True(await _client.IsQuietAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task EndpointMoves_GetMasterAddrByName_ReturnsTheNewNode()
    {
        _server.Update(t => MoveOrdersTo(t, 3));

        Assert.Equal(Wire.Array("10.0.0.3", "12000"), await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "orders"));
    }

    [Fact]
    public async Task UnrelatedChange_PublishesNothing()
    {
        await _client.CommandAsync("SUBSCRIBE", Channel);

        _server.Update(t => t with { Databases = [.. t.Databases, TestTopology.Database(9, "new", 12009, 3)] });
        _server.Update(t => t with { Databases = [.. t.Databases.Where(d => d.Name != "cache")] });

        Assert.True(await _client.IsQuietAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task NodeOfTheEndpointGoesDown_WhenItAlsoBindsElsewhere_SwitchesToTheActiveOne()
    {
        _server.Update(t => t with
        {
            Databases = [.. t.Databases.Select(d => d.Name == "orders" ? d with { EndpointNodes = [2, 3] } : d)],
            Nodes = [TestTopology.Node(1), TestTopology.Node(2), TestTopology.Node(3)],
        });
        Assert.Equal(Wire.Array("10.0.0.2", "12000"), await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "orders"));
        await _client.CommandAsync("SUBSCRIBE", Channel);

        _server.Update(t => t with { Nodes = [TestTopology.Node(1), TestTopology.Node(2, active: false), TestTopology.Node(3)] });

        Assert.Equal(Wire.Array("message", Channel, "orders 10.0.0.2 12000 10.0.0.3 12000"), await _client.ReadAsync());
    }

    [Fact]
    public async Task PSubscribe_MatchingPattern_GetsPatternMessages()
    {
        Assert.Equal(Confirmation("psubscribe", "+switch-*", 1), await _client.CommandAsync("PSUBSCRIBE", "+switch-*"));
        Assert.Equal(Confirmation("psubscribe", "+sdown", 2), await _client.CommandAsync("PSUBSCRIBE", "+sdown"));

        _server.Update(t => MoveOrdersTo(t, 1));

        Assert.Equal(Wire.Array("pmessage", "+switch-*", Channel, "orders 10.0.0.2 12000 10.0.0.1 12000"), await _client.ReadAsync());
    }

    [Fact]
    public async Task Unsubscribe_StopsMessages()
    {
        await _client.SendCommandAsync("SUBSCRIBE", Channel, "+sentinel");
        Assert.Equal(Confirmation("subscribe", Channel, 1), await _client.ReadAsync());
        Assert.Equal(Confirmation("subscribe", "+sentinel", 2), await _client.ReadAsync());

        await _client.SendCommandAsync("UNSUBSCRIBE");
        var first = await _client.ReadAsync();
        var second = await _client.ReadAsync();
        Assert.EndsWith(":1\r\n", first, StringComparison.Ordinal);
        Assert.EndsWith(":0\r\n", second, StringComparison.Ordinal);
        Assert.Equal(["+sentinel", Channel], new[] { Wire.Bulks(first)[1], Wire.Bulks(second)[1] }.Order(StringComparer.Ordinal));
        Assert.Equal("+PONG\r\n", await _client.CommandAsync("PING"));

        _server.Update(t => MoveOrdersTo(t, 3));
        Assert.True(await _client.IsQuietAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Unsubscribe_NothingSubscribed_ConfirmsWithNil()
    {
        Assert.Equal($"*3\r\n{Wire.Bulk("unsubscribe")}$-1\r\n:0\r\n", await _client.CommandAsync("UNSUBSCRIBE"));
    }

    [Fact]
    public async Task Subscribed_Resp2_OnlyPubSubCommandsAndPing()
    {
        await _client.CommandAsync("SUBSCRIBE", Channel);

        Assert.Equal(Wire.Array("pong", ""), await _client.CommandAsync("PING"));
        Assert.Equal(
            Wire.Error("ERR Can't execute 'sentinel|masters': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context"),
            await _client.CommandAsync("SENTINEL", "MASTERS"));
        Assert.Equal("+RESET\r\n", await _client.CommandAsync("RESET"));
        Assert.Equal("+PONG\r\n", await _client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Subscribed_Resp3_MessagesArePushFramesAndOtherCommandsWork()
    {
        await _client.CommandAsync("HELLO", "3");
        Assert.Equal($">3\r\n{Wire.Bulk("subscribe")}{Wire.Bulk(Channel)}:1\r\n", await _client.CommandAsync("SUBSCRIBE", Channel));
        Assert.Equal(Wire.Array("10.0.0.2", "12000"), await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "orders"));

        _server.Update(t => MoveOrdersTo(t, 3));

        Assert.Equal(Wire.Push("message", Channel, "orders 10.0.0.2 12000 10.0.0.3 12000"), await _client.ReadAsync());
    }

    [Fact]
    public async Task EveryClient_GetsTheMessage()
    {
        await using var other = await _server.ConnectAsync();
        await _client.CommandAsync("SUBSCRIBE", Channel);
        await other.CommandAsync("SUBSCRIBE", Channel);

        _server.Update(t => MoveOrdersTo(t, 3));

        Assert.Equal(Wire.Array("message", Channel, "orders 10.0.0.2 12000 10.0.0.3 12000"), await _client.ReadAsync());
        Assert.Equal(Wire.Array("message", Channel, "orders 10.0.0.2 12000 10.0.0.3 12000"), await other.ReadAsync());
        await Eventually.TrueAsync(
            () => _server.Logs.Entries.Any(e => e.EventId == 4201 && e.Message.Contains("orders", StringComparison.Ordinal)),
            "the endpoint-moved log, written after the publish");
    }
}
