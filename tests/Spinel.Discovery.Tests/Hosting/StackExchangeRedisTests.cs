using System.Net;
using Spinel.Discovery.Tests.Infrastructure;
using StackExchange.Redis;

namespace Spinel.Discovery.Tests.Hosting;

/// <summary>StackExchange.Redis's Sentinel support reads the service as a Sentinel, over RESP2 and RESP3.</summary>
public sealed class StackExchangeRedisTests : IAsyncLifetime
{
    private DiscoveryServer _server = null!;

    public async Task InitializeAsync() => _server = await DiscoveryServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<ConnectionMultiplexer> ConnectAsync(RedisProtocol protocol)
    {
        await _server.Service.Bound.WaitAsync(TimeSpan.FromSeconds(10));
        var options = new ConfigurationOptions { Protocol = protocol, ConnectTimeout = 5000, SyncTimeout = 5000, Password = "anything" };
        options.EndPoints.Add(_server.EndPoint);
        return await ConnectionMultiplexer.SentinelConnectAsync(options);
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task SentinelConnect_SeesASentinelThatKnowsTheEndpoints(RedisProtocol protocol)
    {
        await using var sentinel = await ConnectAsync(protocol);
        var server = sentinel.GetServer(_server.EndPoint);

        Assert.Equal(ServerType.Sentinel, server.ServerType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.2"), 12000), await server.SentinelGetMasterAddressByNameAsync("orders"));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.2"), 12000), await server.SentinelGetMasterAddressByNameAsync("orders@internal"));
        Assert.Null(await server.SentinelGetMasterAddressByNameAsync("nope"));
        Assert.Empty(await server.SentinelGetReplicaAddressesAsync("orders"));
        Assert.Equal([new IPEndPoint(IPAddress.Parse("10.0.0.3"), _server.Port)], await server.SentinelGetSentinelAddressesAsync("orders"));
        var masters = await server.SentinelMastersAsync();
        Assert.Equal(6, masters.Length);
        Assert.Contains(masters, m => m.Contains(new KeyValuePair<string, string>("name", "cache@internal")));
        Assert.Contains(new KeyValuePair<string, string>("ip", "10.0.0.3"), await server.SentinelMasterAsync("sessions"));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Subscriber_GetsSwitchMasterWhenTheEndpointMoves(RedisProtocol protocol)
    {
        await using var sentinel = await ConnectAsync(protocol);
        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var subscriber = sentinel.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Literal("+switch-master"), (_, message) => messages.Enqueue(message!));
        // The client's own SUBSCRIBE +switch-master, sent without waiting when it connected, may still be in flight
        // (the call above then only adds a handler); a PING on the same connection comes back after it.
        await subscriber.PingAsync();

        _server.Update(t => t with { Databases = [.. t.Databases.Select(d => d.Name == "orders" ? d with { EndpointNodes = [3] } : d)] });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (messages.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        // The client may run its handlers concurrently, so the two messages can arrive in either order.
        Assert.Equal(["orders 10.0.0.2 12000 10.0.0.3 12000", "orders@internal 10.0.0.2 12000 10.0.0.3 12000"], messages.Order(StringComparer.Ordinal));
    }
}
