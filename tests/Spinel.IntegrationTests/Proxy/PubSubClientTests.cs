using System.Collections.Concurrent;
using Spinel.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>Pub/sub for RESP3 clients (push frames, ordinary commands while subscribed) and for StackExchange.Redis.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PubSubClientTests(SharedNode shared)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private SpinelTestNode Node => shared.Node;

    private string[] ChannelsOnEveryShard(string prefix) =>
        [.. Enumerable.Range(0, Node.Shards.Count).Select(shard => Node.KeyOnShard(prefix, shard))];

    private static async Task<RawRespClient> Resp3Async(SpinelTestNode node)
    {
        var client = await node.ConnectRawAsync();
        var hello = await client.CommandTreeAsync("HELLO", "3");
        Assert.Equal('%', hello.Type);
        return client;
    }

    [Fact]
    public async Task Subscribe_Resp3Client_ConfirmationsAndMessagesArePushes()
    {
        await using var subscriber = await Resp3Async(Node);
        await using var publisher = await Node.ConnectRawAsync();
        var channels = ChannelsOnEveryShard("r3:push");

        await subscriber.SendCommandAsync(["SUBSCRIBE", .. channels]);
        for (var i = 0; i < channels.Length; i++)
        {
            Assert.Equal($">[subscribe, {channels[i]}, :{i + 1}]", await subscriber.ReadAsync());
        }
        foreach (var channel in channels)
        {
            Assert.Equal(":1", await publisher.CommandAsync("PUBLISH", channel, "p-" + channel));
        }

        Assert.Equal(channels.Select(c => $">[message, {c}, p-{c}]").Order(StringComparer.Ordinal),
            await subscriber.ReadUnorderedAsync(channels.Length));
    }

    [Fact]
    public async Task Get_WhileSubscribedOverResp3_RunsTheCommand()
    {
        await using var subscriber = await Resp3Async(Node);
        await using var publisher = await Node.ConnectRawAsync();
        var channel = Node.KeyOnShard("r3:get", 1);
        var key = Node.KeyOnShard("r3:get:key", 2);
        await publisher.CommandAsync("SET", key, "readable");
        Assert.Equal($">[subscribe, {channel}, :1]", await subscriber.CommandAsync("SUBSCRIBE", channel));

        Assert.Equal("readable", await subscriber.CommandAsync("GET", key));
        Assert.Equal("+OK", await subscriber.CommandAsync("SET", key, "written-while-subscribed"));
        Assert.Equal(":1", await publisher.CommandAsync("PUBLISH", channel, "still-listening"));

        Assert.Equal($">[message, {channel}, still-listening]", await subscriber.ReadAsync());
        Assert.Equal("written-while-subscribed", await publisher.CommandAsync("GET", key));
    }

    [Fact]
    public async Task Psubscribe_Resp3Client_PatternMessagesFromEveryShardArePushes()
    {
        await using var subscriber = await Resp3Async(Node);
        await using var publisher = await Node.ConnectRawAsync();

        Assert.Equal(">[psubscribe, r3:pat:*, :1]", await subscriber.CommandAsync("PSUBSCRIBE", "r3:pat:*"));
        foreach (var channel in ChannelsOnEveryShard("r3:pat"))
        {
            Assert.Equal(":1", await publisher.CommandAsync("PUBLISH", channel, "x"));
            Assert.Equal($">[pmessage, r3:pat:*, {channel}, x]", await subscriber.ReadAsync());
        }
    }

    [Fact]
    public async Task GetSubscriber_ChannelsOnEveryShard_HandlerGetsEveryMessage()
    {
        await using var connection = await Node.ConnectAsync();
        var subscriber = connection.GetSubscriber();
        var channels = ChannelsOnEveryShard("se:sub");
        var received = new ConcurrentDictionary<string, string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var channel in channels)
        {
            await subscriber.SubscribeAsync(RedisChannel.Literal(channel), (ch, message) =>
            {
                received[ch.ToString()] = message.ToString();
                if (received.Count == channels.Length)
                {
                    all.TrySetResult();
                }
            });
        }

        foreach (var channel in channels)
        {
            Assert.Equal(1, await subscriber.PublishAsync(RedisChannel.Literal(channel), "se-" + channel));
        }

        await all.Task.WaitAsync(Timeout);
        Assert.Equal(channels.ToDictionary(c => c, c => "se-" + c).OrderBy(p => p.Key), received.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task GetSubscriber_PatternAndUnsubscribe_DeliversUntilUnsubscribed()
    {
        await using var connection = await Node.ConnectAsync();
        await using var publisherConnection = await Node.ConnectAsync();
        var subscriber = connection.GetSubscriber();
        var publisher = publisherConnection.GetSubscriber();
        var messages = new ConcurrentQueue<string>();
        var channels = ChannelsOnEveryShard("se:pat");
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync(RedisChannel.Pattern("se:pat:*"), (_, message) =>
        {
            messages.Enqueue(message.ToString());
            if (messages.Count == channels.Length)
            {
                all.TrySetResult();
            }
        });

        foreach (var channel in channels)
        {
            Assert.Equal(1, await publisher.PublishAsync(RedisChannel.Literal(channel), channel));
        }
        await all.Task.WaitAsync(Timeout);
        await subscriber.UnsubscribeAsync(RedisChannel.Pattern("se:pat:*"));

        Assert.Equal(channels.Order(StringComparer.Ordinal), messages.Order(StringComparer.Ordinal));
        foreach (var channel in channels)
        {
            Assert.Equal(0, await publisher.PublishAsync(RedisChannel.Literal(channel), "after"));
        }
    }

    [Fact]
    public async Task GetSubscriber_Resp2Connection_ReceivesMessagesAndRunsCommands()
    {
        // StackExchange.Redis speaks RESP3 when the server offers it; this one uses its separate RESP2 subscription connection.
        await using var connection = await Node.ConnectAsync("protocol=resp2");
        var subscriber = connection.GetSubscriber();
        var channel = Node.KeyOnShard("se:r2", 2);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync(RedisChannel.Literal(channel), (_, message) => received.TrySetResult(message.ToString()));

        Assert.Equal(1, await subscriber.PublishAsync(RedisChannel.Literal(channel), "over-resp2"));

        Assert.Equal("over-resp2", await received.Task.WaitAsync(Timeout));
        var db = connection.GetDatabase();
        await db.StringSetAsync("se:r2:key", "v");
        Assert.Equal("v", (string?)await db.StringGetAsync("se:r2:key"));
    }

    [Fact]
    public async Task Publish_PipelinedRightAfterOwnSubscribeOverResp3_ReachesTheNewSubscription()
    {
        await using var client = await Resp3Async(Node);
        var channel = Node.KeyOnShard("r3:self", 1);
        var pipeline = new MemoryStream();
        pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand("SUBSCRIBE", channel));
        pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand("PUBLISH", channel, "to-myself"));

        await client.SendAsync(pipeline.ToArray());

        Assert.Equal($">[subscribe, {channel}, :1]", await client.ReadAsync());
        // Redis pushes the message during PUBLISH, before PUBLISH's reply; the proxy gets it on another shard
        // connection, so the two may come in either order. Both must come.
        var next = new[] { await client.ReadAsync(), await client.ReadAsync() };
        Assert.Equal([":1", $">[message, {channel}, to-myself]"], next.Order(StringComparer.Ordinal));
    }
}
