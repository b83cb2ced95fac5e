using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BasicRoutingTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    [Fact]
    public async Task Set_KeyOnEachShard_LandsOnTheShardOwningItsSlot()
    {
        await using var client = await Node.ConnectRawAsync();
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            var key = Node.KeyOnShard("routing", shard);
            Assert.Equal("+OK", await client.CommandAsync("SET", key, $"v{shard}"));
            for (var other = 0; other < Node.Shards.Count; other++)
            {
                await using var direct = await Node.ConnectShardAsync(other);
                Assert.Equal(other == shard ? $"v{shard}" : "(nil)", await direct.CommandAsync("GET", key));
            }
        }
    }

    [Fact]
    public async Task Mget_KeysOnEveryShard_RepliesInKeyOrder()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = Enumerable.Range(0, 12).Select(i => Node.KeyOnShard($"mget{i}", i % 3)).ToArray();
        foreach (var key in keys)
        {
            Assert.Equal("+OK", await client.CommandAsync("SET", key, "value-of-" + key));
        }
        var reply = await client.CommandAsync(["MGET", .. keys, "mget-missing"]);
        Assert.Equal("[" + string.Join(", ", keys.Select(k => "value-of-" + k)) + ", (nil)]", reply);
    }
}
