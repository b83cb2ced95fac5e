using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>SUBSCRIBE/UNSUBSCRIBE/PUBLISH by the channel's slot, with redis's exact RESP2 confirmation frames.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PubSubTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    /// <summary>One channel name per shard (a channel's slot is computed like a key's).</summary>
    private string[] ChannelsOnEveryShard(string prefix) =>
        [.. Enumerable.Range(0, Node.Shards.Count).Select(shard => Node.KeyOnShard(prefix, shard))];

    [Fact]
    public async Task Subscribe_ChannelsOnEveryShard_ConfirmsEachWithARunningCount()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        var channels = ChannelsOnEveryShard("ps:confirm");

        await subscriber.SendCommandAsync(["SUBSCRIBE", .. channels]);

        for (var i = 0; i < channels.Length; i++)
        {
            Assert.Equal($"[subscribe, {channels[i]}, :{i + 1}]", await subscriber.ReadAsync());
        }
    }

    [Fact]
    public async Task Publish_ChannelsOnEveryShardTwoSubscribers_BothGetEveryMessage()
    {
        await using var first = await Node.ConnectRawAsync();
        await using var second = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channels = ChannelsOnEveryShard("ps:fanout");
        foreach (var subscriber in new[] { first, second })
        {
            await subscriber.SendCommandAsync(["SUBSCRIBE", .. channels]);
            foreach (var _ in channels)
            {
                await subscriber.ReadAsync();
            }
        }

        foreach (var channel in channels)
        {
            Assert.Equal(":2", await publisher.CommandAsync("PUBLISH", channel, "to-" + channel));
        }

        // Messages from different shards come over different shard connections, in any order.
        var expected = channels.Select(c => $"[message, {c}, to-{c}]").Order(StringComparer.Ordinal);
        foreach (var subscriber in new[] { first, second })
        {
            Assert.Equal(expected, await subscriber.ReadUnorderedAsync(channels.Length));
        }
    }

    [Fact]
    public async Task Publish_NoSubscriber_RepliesZero()
    {
        await using var publisher = await Node.ConnectRawAsync();

        foreach (var channel in ChannelsOnEveryShard("ps:nobody"))
        {
            Assert.Equal(":0", await publisher.CommandAsync("PUBLISH", channel, "lost"));
        }
    }

    [Fact]
    public async Task Unsubscribe_OneChannel_ConfirmsWithTheRemainingCountAndStopsItsMessages()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channels = ChannelsOnEveryShard("ps:unsub1");
        await subscriber.SendCommandAsync(["SUBSCRIBE", .. channels]);
        foreach (var _ in channels)
        {
            await subscriber.ReadAsync();
        }

        Assert.Equal($"[unsubscribe, {channels[0]}, :2]", await subscriber.CommandAsync("UNSUBSCRIBE", channels[0]));

        Assert.Equal(":0", await publisher.CommandAsync("PUBLISH", channels[0], "after"));
        Assert.Equal(":1", await publisher.CommandAsync("PUBLISH", channels[1], "still"));
        Assert.Equal($"[message, {channels[1]}, still]", await subscriber.ReadAsync());
    }

    [Fact]
    public async Task Unsubscribe_NoArguments_UnsubscribesEveryChannelCountingDown()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channels = ChannelsOnEveryShard("ps:unsuball");
        await subscriber.SendCommandAsync(["SUBSCRIBE", .. channels]);
        foreach (var _ in channels)
        {
            await subscriber.ReadAsync();
        }

        await subscriber.SendCommandAsync("UNSUBSCRIBE");

        var confirmed = new List<string>();
        for (var remaining = channels.Length - 1; remaining >= 0; remaining--)
        {
            var frame = RespTree.Parse(await subscriber.ReadFrameAsync());
            Assert.Equal("unsubscribe", frame.Children[0].Text);
            Assert.Equal(remaining.ToString(), frame.Children[2].Text);
            confirmed.Add(frame.Children[1].Text);
        }
        Assert.Equal(channels.Order(StringComparer.Ordinal), confirmed.Order(StringComparer.Ordinal));
        foreach (var channel in channels)
        {
            Assert.Equal(":0", await publisher.CommandAsync("PUBLISH", channel, "after"));
        }
        // Not subscribed any more: ordinary commands work again.
        Assert.Equal("(nil)", await subscriber.CommandAsync("GET", "ps:unsuball:missing"));
    }

    [Fact]
    public async Task Unsubscribe_NotSubscribed_RepliesLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["UNSUBSCRIBE"], ["UNSUBSCRIBE", "ps:never"], ["PUNSUBSCRIBE"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("[unsubscribe, (nil), :0]", proxy[0]);
        Assert.Equal("[unsubscribe, ps:never, :0]", proxy[1]);
    }

    [Fact]
    public async Task Psubscribe_AfterSubscribe_CountsChannelsAndPatternsLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(
            ["SUBSCRIBE", "ps:mixed:a"], ["SUBSCRIBE", "ps:mixed:b"], ["PSUBSCRIBE", "ps:mixed:*"], ["UNSUBSCRIBE", "ps:mixed:a"], ["PUNSUBSCRIBE", "ps:mixed:*"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("[psubscribe, ps:mixed:*, :3]", proxy[2]);
    }

    [Fact]
    public async Task Get_WhileSubscribedOverResp2_RepliesRedisError()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["SUBSCRIBE", "ps:resp2"], ["GET", "ps:resp2:key"], ["SET", "k", "v"]);

        Assert.Equal(redis, proxy);
        Assert.StartsWith("-ERR Can't execute 'get'", proxy[1]);
    }

    [Fact]
    public async Task Ping_WhileSubscribedOverResp2_RepliesPongArrayLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["SUBSCRIBE", "ps:ping"], ["PING"], ["PING", "hello"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("[pong, ]", proxy[1]);
        Assert.Equal("[pong, hello]", proxy[2]);
    }

    [Fact]
    public async Task Subscribe_ClientDisconnects_PublishReachesNobody()
    {
        await using var publisher = await Node.ConnectRawAsync();
        var channel = Node.KeyOnShard("ps:gone", 2);
        var subscriber = await Node.ConnectRawAsync();
        Assert.Equal($"[subscribe, {channel}, :1]", await subscriber.CommandAsync("SUBSCRIBE", channel));
        Assert.Equal(":1", await publisher.CommandAsync("PUBLISH", channel, "here"));

        await subscriber.DisposeAsync();

        await Eventually.TrueAsync(async () => await publisher.CommandAsync("PUBLISH", channel, "gone") == ":0",
            "the shard forgets the subscription of a client that left");
    }

    [Fact]
    public async Task Subscribe_SameChannelTwiceThenUnsubscribeAll_CountsLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(
            ["SUBSCRIBE", "ps:twice"], ["SUBSCRIBE", "ps:twice"], ["PSUBSCRIBE", "ps:twice:*"], ["UNSUBSCRIBE"], ["PUNSUBSCRIBE"]);

        Assert.Equal(redis, proxy);
        Assert.Equal(["[subscribe, ps:twice, :1]", "[subscribe, ps:twice, :1]", "[psubscribe, ps:twice:*, :2]",
            "[unsubscribe, ps:twice, :1]", "[punsubscribe, ps:twice:*, :0]"], proxy);
    }

    [Fact]
    public async Task PubSubNumSub_SubscribersOnChannelsOfEveryShard_CountsEachChannel()
    {
        await using var first = await Node.ConnectRawAsync();
        await using var second = await Node.ConnectRawAsync();
        await using var client = await Node.ConnectRawAsync();
        var channels = ChannelsOnEveryShard("ps:numsub");
        await first.SendCommandAsync(["SUBSCRIBE", .. channels]);
        await second.SendCommandAsync("SUBSCRIBE", channels[2]);
        foreach (var _ in channels)
        {
            await first.ReadAsync();
        }
        await second.ReadAsync();

        Assert.Equal($"[{channels[0]}, :1, {channels[1]}, :1, {channels[2]}, :2, ps:numsub:none, :0]",
            await client.CommandAsync(["PUBSUB", "NUMSUB", .. channels, "ps:numsub:none"]));
        var active = await client.CommandTreeAsync("PUBSUB", "CHANNELS", "ps:numsub*");
        Assert.Equal(channels.Order(StringComparer.Ordinal), active.Children.Select(c => c.Text).Order(StringComparer.Ordinal));
    }
}
