using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>PSUBSCRIBE listens on every shard (keyspace notifications included); SSUBSCRIBE/SPUBLISH go by slot.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PatternAndShardPubSubTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    private string[] NamesOnEveryShard(string prefix) =>
        [.. Enumerable.Range(0, Node.Shards.Count).Select(shard => Node.KeyOnShard(prefix, shard))];

    [Fact]
    public async Task Psubscribe_ChannelsOnEveryShard_ReceivesEveryMatchingMessage()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channels = NamesOnEveryShard("pp:all");

        Assert.Equal("[psubscribe, pp:all:*, :1]", await subscriber.CommandAsync("PSUBSCRIBE", "pp:all:*"));

        foreach (var channel in channels)
        {
            Assert.Equal(":1", await publisher.CommandAsync("PUBLISH", channel, "m-" + channel));
        }
        Assert.Equal(":0", await publisher.CommandAsync("PUBLISH", "pp:other", "not matching"));
        Assert.Equal(channels.Select(c => $"[pmessage, pp:all:*, {c}, m-{c}]").Order(StringComparer.Ordinal),
            await subscriber.ReadUnorderedAsync(channels.Length));
    }

    [Fact]
    public async Task Publish_ChannelWithSubscriberAndPatternSubscriber_CountsBoth()
    {
        await using var bySubscribe = await Node.ConnectRawAsync();
        await using var byPattern = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channel = Node.KeyOnShard("pp:both", 1);
        await bySubscribe.CommandAsync("SUBSCRIBE", channel);
        await byPattern.CommandAsync("PSUBSCRIBE", "pp:both*");

        Assert.Equal(":2", await publisher.CommandAsync("PUBLISH", channel, "hi"));

        Assert.Equal($"[message, {channel}, hi]", await bySubscribe.ReadAsync());
        Assert.Equal($"[pmessage, pp:both*, {channel}, hi]", await byPattern.ReadAsync());
    }

    [Fact]
    public async Task Punsubscribe_Pattern_ConfirmsAndStopsMessagesFromEveryShard()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        await subscriber.CommandAsync("PSUBSCRIBE", "pp:stop:*");

        Assert.Equal("[punsubscribe, pp:stop:*, :0]", await subscriber.CommandAsync("PUNSUBSCRIBE", "pp:stop:*"));

        foreach (var channel in NamesOnEveryShard("pp:stop"))
        {
            Assert.Equal(":0", await publisher.CommandAsync("PUBLISH", channel, "after"));
        }
    }

    [Fact]
    public async Task Psubscribe_KeyspaceNotifications_ArriveForKeysOnEveryShard()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        await using var client = await Node.ConnectRawAsync();
        var keys = NamesOnEveryShard("pp:ksn");
        Assert.Equal("+OK", await client.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "KEA"));
        try
        {
            await subscriber.CommandAsync("PSUBSCRIBE", "__keyspace@0__:pp:ksn:*");

            foreach (var key in keys)
            {
                await client.CommandAsync("SET", key, "x");
            }

            Assert.Equal(keys.Select(k => $"[pmessage, __keyspace@0__:pp:ksn:*, __keyspace@0__:{k}, set]").Order(StringComparer.Ordinal),
                await subscriber.ReadUnorderedAsync(keys.Length));
        }
        finally
        {
            await client.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    [Fact]
    public async Task Ssubscribe_ChannelOnEachShard_ReceivesSpublishMessages()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channels = NamesOnEveryShard("pp:shard");

        for (var i = 0; i < channels.Length; i++)
        {
            Assert.Equal($"[ssubscribe, {channels[i]}, :{i + 1}]", await subscriber.CommandAsync("SSUBSCRIBE", channels[i]));
        }
        foreach (var channel in channels)
        {
            Assert.Equal(":1", await publisher.CommandAsync("SPUBLISH", channel, "s-" + channel));
        }

        Assert.Equal(channels.Select(c => $"[smessage, {c}, s-{c}]").Order(StringComparer.Ordinal),
            await subscriber.ReadUnorderedAsync(channels.Length));
    }

    [Fact]
    public async Task Ssubscribe_ChannelsOfDifferentSlots_RepliesCrossSlot()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        var channels = NamesOnEveryShard("pp:xslot");

        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await subscriber.CommandAsync("SSUBSCRIBE", channels[0], channels[1]));
    }

    [Fact]
    public async Task Sunsubscribe_Channel_ConfirmsAndStopsItsMessages()
    {
        await using var subscriber = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channel = Node.KeyOnShard("pp:sunsub", 2);
        await subscriber.CommandAsync("SSUBSCRIBE", channel);

        Assert.Equal($"[sunsubscribe, {channel}, :0]", await subscriber.CommandAsync("SUNSUBSCRIBE", channel));

        Assert.Equal(":0", await publisher.CommandAsync("SPUBLISH", channel, "after"));
    }
}
