using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>MGET, MSET, DEL, EXISTS, UNLINK and TOUCH across slots: split per shard, merged in key order.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MultiKeyCommandTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    /// <summary>Keys that alternate over the shards (0, 1, 2, 0, ...), emptied first.</summary>
    private async Task<string[]> FreshKeysAsync(RawRespClient client, string prefix, int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => Node.KeyOnShard($"{prefix}{i}", i % Node.Shards.Count)).ToArray();
        foreach (var key in keys)
        {
            await client.CommandAsync("DEL", key);
        }
        return keys;
    }

    [Fact]
    public async Task Mget_SomeKeysMissingOnEveryShard_NullsInTheirPlaces()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:mget", 9);
        var present = keys.Where((_, i) => i % 2 == 0).ToHashSet();
        foreach (var key in present)
        {
            Assert.Equal("+OK", await client.CommandAsync("SET", key, "v-" + key));
        }
        var requested = keys.Reverse().ToArray();

        var reply = await client.CommandAsync(["MGET", .. requested]);

        Assert.Equal("[" + string.Join(", ", requested.Select(k => present.Contains(k) ? "v-" + k : "(nil)")) + "]", reply);
    }

    [Fact]
    public async Task Mget_SameKeyTwiceOnDifferentShardGroups_EachPlaceGetsItsValue()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:dup", 3);
        for (var i = 0; i < keys.Length; i++)
        {
            await client.CommandAsync("SET", keys[i], $"v{i}");
        }

        var reply = await client.CommandAsync("MGET", keys[2], keys[0], keys[2], keys[1], keys[0]);

        Assert.Equal("[v2, v0, v2, v1, v0]", reply);
    }

    [Fact]
    public async Task Mset_PairsOnEveryShard_EachKeyStoredOnItsOwningShard()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:mset", 6);

        Assert.Equal("+OK", await client.CommandAsync(["MSET", .. keys.SelectMany(k => new[] { k, "m-" + k })]));

        foreach (var key in keys)
        {
            await using var owner = await Node.ConnectShardAsync(Node.ShardIndexOf(key));
            Assert.Equal("m-" + key, await owner.CommandAsync("GET", key));
        }
        Assert.Equal("[" + string.Join(", ", keys.Select(k => "m-" + k)) + "]", await client.CommandAsync(["MGET", .. keys]));
    }

    [Fact]
    public async Task Mset_OddNumberOfArguments_RepliesArityErrorAndWritesNothing()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:odd", 3);

        var reply = await client.CommandAsync("MSET", keys[0], "a", keys[1], "b", keys[2]);

        await using var direct = await Node.ConnectShardAsync(0);
        Assert.Equal(await direct.CommandAsync("MSET", "k", "a", "k2"), reply);
        Assert.Equal("-ERR wrong number of arguments for 'mset' command", reply);
        Assert.Equal(":0", await client.CommandAsync(["EXISTS", .. keys]));
    }

    [Fact]
    public async Task Del_KeysOnEveryShardSomeMissing_CountsOnlyDeletedKeys()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:del", 8);
        foreach (var key in keys.Take(5))
        {
            await client.CommandAsync("SET", key, "x");
        }

        Assert.Equal(":5", await client.CommandAsync(["DEL", .. keys]));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal(":0", await direct.CommandAsync(["EXISTS", .. keys.Where(k => Node.ShardIndexOf(k) == shard)]));
        }
        Assert.Equal(":0", await client.CommandAsync(["DEL", .. keys]));
    }

    [Fact]
    public async Task Exists_DuplicateKeysOnSeveralShards_CountsEveryMention()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:exists", 4);
        await client.CommandAsync("SET", keys[0], "x");
        await client.CommandAsync("SET", keys[1], "x");
        await client.CommandAsync("SET", keys[2], "x");

        var reply = await client.CommandAsync("EXISTS", keys[0], keys[0], keys[1], keys[3], keys[2], keys[1], keys[1]);

        Assert.Equal(":6", reply);
    }

    [Fact]
    public async Task Unlink_KeysOnEveryShard_CountsRemovedKeys()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:unlink", 6);
        foreach (var key in keys.Skip(1))
        {
            await client.CommandAsync("RPUSH", key, "a", "b");
        }

        Assert.Equal(":5", await client.CommandAsync(["UNLINK", .. keys]));
        Assert.Equal(":0", await client.CommandAsync(["EXISTS", .. keys]));
    }

    [Fact]
    public async Task Touch_KeysOnEveryShardSomeMissing_CountsExistingKeys()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:touch", 6);
        foreach (var key in keys.Where((_, i) => i != 2 && i != 4))
        {
            await client.CommandAsync("SET", key, "x");
        }

        Assert.Equal(":4", await client.CommandAsync(["TOUCH", .. keys]));
    }

    [Fact]
    public async Task Mget_KeyHoldingAListAmongOthers_NullForTheListLikeRedis()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "mk:wrongtype", 3);
        await client.CommandAsync("SET", keys[0], "a");
        await client.CommandAsync("RPUSH", keys[1], "l");
        await client.CommandAsync("SET", keys[2], "c");

        Assert.Equal("[a, (nil), c]", await client.CommandAsync("MGET", keys[0], keys[1], keys[2]));
    }
}
