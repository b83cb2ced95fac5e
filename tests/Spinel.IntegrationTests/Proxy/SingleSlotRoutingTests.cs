using System.Text;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>Single-slot commands reach the master shard owning the slot; pipelined replies keep request order.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SingleSlotRoutingTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    [Theory]
    [InlineData("RPUSH", "list")]
    [InlineData("SADD", "set")]
    [InlineData("HSET", "hash")]
    [InlineData("ZADD", "zset")]
    [InlineData("XADD", "stream")]
    public async Task Write_KeyOnEachShard_OnlyTheOwningShardHoldsTheKey(string command, string type)
    {
        await using var client = await Node.ConnectRawAsync();
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            var key = Node.KeyOnShard($"single:{command}", shard);
            await client.CommandAsync("DEL", key);
            string[] args = command switch
            {
                "HSET" => [command, key, "field", "value"],
                "ZADD" => [command, key, "1", "member"],
                "XADD" => [command, key, "*", "field", "value"],
                _ => [command, key, "member"],
            };
            var reply = await client.CommandAsync(args);
            Assert.False(reply.StartsWith('-'), $"{command} {key} failed: {reply}");
            for (var other = 0; other < Node.Shards.Count; other++)
            {
                await using var direct = await Node.ConnectShardAsync(other);
                Assert.Equal(other == shard ? "+" + type : "+none", await direct.CommandAsync("TYPE", key));
            }
        }
    }

    [Fact]
    public async Task Incr_KeyOnEachShard_ReadsBackTheShardsValue()
    {
        await using var client = await Node.ConnectRawAsync();
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            var key = Node.KeyOnShard("single:counter", shard);
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal("+OK", await direct.CommandAsync("SET", key, "41"));
            Assert.Equal(":42", await client.CommandAsync("INCR", key));
            Assert.Equal("42", await direct.CommandAsync("GET", key));
        }
    }

    [Fact]
    public async Task Pipeline_ManyRequestsToEveryShard_RepliesComeBackInRequestOrder()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = Enumerable.Range(0, 300).Select(i => Node.KeyOnShard($"order{i}", i % 3)).ToArray();
        var pipeline = new MemoryStream();
        foreach (var key in keys)
        {
            pipeline.Write(RespWriter.EncodeCommand("SET", key, "value-of-" + key));
        }
        foreach (var key in keys)
        {
            pipeline.Write(RespWriter.EncodeCommand("GET", key));
        }
        await client.SendAsync(pipeline.ToArray());

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal("+OK", await client.ReadAsync());
        }
        foreach (var key in keys)
        {
            Assert.Equal("value-of-" + key, await client.ReadAsync());
        }
    }

    [Fact]
    public async Task Pipeline_SlowRequestOnOneShardThenFastOnesOnOthers_RepliesComeBackInRequestOrder()
    {
        await using var client = await Node.ConnectRawAsync();
        var slowKey = Node.KeyOnShard("order:slow", 0);
        var fastKeys = new[] { Node.KeyOnShard("order:fast", 1), Node.KeyOnShard("order:fast", 2) };
        foreach (var key in fastKeys)
        {
            Assert.Equal("+OK", await client.CommandAsync("SET", key, "fast-" + key));
        }
        // A busy script keeps shard 0 working for a while, so the other shards answer long before it does.
        const string Busy = "local i = 0 while i < 3000000 do i = i + 1 end return ARGV[1]";
        var pipeline = new MemoryStream();
        pipeline.Write(RespWriter.EncodeCommand("EVAL", Busy, "1", slowKey, "slow"));
        foreach (var key in fastKeys)
        {
            pipeline.Write(RespWriter.EncodeCommand("GET", key));
        }
        pipeline.Write(RespWriter.EncodeCommand("ECHO", "last"));
        await client.SendAsync(pipeline.ToArray());

        Assert.Equal("slow", await client.ReadAsync());
        foreach (var key in fastKeys)
        {
            Assert.Equal("fast-" + key, await client.ReadAsync());
        }
        Assert.Equal("last", await client.ReadAsync());
    }

    [Fact]
    public async Task Pipeline_SentOneByteAtATime_RepliesMatchRequests()
    {
        await using var client = await Node.ConnectRawAsync();
        var key0 = Node.KeyOnShard("order:bytes", 0);
        var key2 = Node.KeyOnShard("order:bytes", 2);
        var bytes = Encoding.ASCII.GetBytes(
            Encoding.ASCII.GetString(RespWriter.EncodeCommand("SET", key0, "a")) +
            Encoding.ASCII.GetString(RespWriter.EncodeCommand("SET", key2, "b")) +
            Encoding.ASCII.GetString(RespWriter.EncodeCommand("MGET", key2, key0)));
        foreach (var b in bytes)
        {
            await client.SendAsync([b]);
        }
        Assert.Equal("+OK", await client.ReadAsync());
        Assert.Equal("+OK", await client.ReadAsync());
        Assert.Equal("[b, a]", await client.ReadAsync());
    }
}
