using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>DBSIZE, KEYS, SCAN, FLUSHDB, FLUSHALL and RANDOMKEY go to every shard and merge the replies.</summary>
[Trait("Category", "Integration")]
public sealed class FanOutCommandTests(PrivateNode fixture) : IClassFixture<PrivateNode>
{
    private SpinelTestNode Node => fixture.Node;

    /// <summary>Empties the database, then writes string keys spread over every shard.</summary>
    private async Task<string[]> FreshKeysAsync(RawRespClient client, string prefix, int count)
    {
        await fixture.FlushShardsAsync();
        var keys = Enumerable.Range(0, count).Select(i => Node.KeyOnShard($"{prefix}{i}", i % Node.Shards.Count)).ToArray();
        foreach (var key in keys)
        {
            Assert.Equal("+OK", await client.CommandAsync("SET", key, "x"));
        }
        return keys;
    }

    private async Task<long> ShardDbSizeAsync(int shard)
    {
        await using var direct = await Node.ConnectShardAsync(shard);
        return long.Parse((await direct.CommandAsync("DBSIZE"))[1..]);
    }

    /// <summary>Runs SCAN from cursor 0 until it returns 0 again; returns every key and the number of calls.</summary>
    private static async Task<(List<string> Keys, int Calls)> ScanAllAsync(RawRespClient client, params string[] options)
    {
        var keys = new List<string>();
        var cursor = "0";
        var calls = 0;
        do
        {
            var frame = await client.CommandTreeAsync(["SCAN", cursor, .. options]);
            Assert.Equal(2, frame.Children.Count);
            cursor = frame.Children[0].Text;
            keys.AddRange(frame.Children[1].Children.Select(c => c.Text));
            calls++;
            Assert.True(calls < 10_000, "SCAN never returned cursor 0");
        }
        while (cursor != "0");
        return (keys, calls);
    }

    [Fact]
    public async Task DbSize_KeysOnEveryShard_SumOfTheShards()
    {
        await using var client = await Node.ConnectRawAsync();
        await FreshKeysAsync(client, "fan:dbsize", 31);

        Assert.Equal(":31", await client.CommandAsync("DBSIZE"));
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            Assert.True(await ShardDbSizeAsync(shard) > 0, $"shard {shard} holds none of the keys");
        }
    }

    [Fact]
    public async Task Keys_PatternMatchingKeysOnEveryShard_ReturnsAllOfThemOnce()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "fan:keys", 12);
        await client.CommandAsync("SET", "other:key", "x");

        var reply = await client.CommandTreeAsync(["KEYS", "fan:keys*"]);

        Assert.Equal(keys.Order(StringComparer.Ordinal), reply.Children.Select(c => c.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scan_FullIterationWithSmallCount_ReturnsEveryKeyExactlyOnce()
    {
        await using var client = await Node.ConnectRawAsync();
        var keys = await FreshKeysAsync(client, "fan:scan", 200);

        var (found, calls) = await ScanAllAsync(client, "COUNT", "7");

        Assert.Equal(keys.Length, found.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.True(calls > Node.Shards.Count, $"a COUNT 7 scan of 200 keys took only {calls} calls");
    }

    [Fact]
    public async Task Scan_Match_ReturnsOnlyMatchingKeysFromEveryShard()
    {
        await using var client = await Node.ConnectRawAsync();
        var wanted = await FreshKeysAsync(client, "fan:match:a", 30);
        foreach (var key in Enumerable.Range(0, 30).Select(i => $"fan:match:b{i}"))
        {
            await client.CommandAsync("SET", key, "x");
        }

        var (found, _) = await ScanAllAsync(client, "MATCH", "fan:match:a*", "COUNT", "10");

        Assert.Equal(wanted.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scan_Type_ReturnsOnlyKeysOfThatTypeFromEveryShard()
    {
        await using var client = await Node.ConnectRawAsync();
        await FreshKeysAsync(client, "fan:type:string", 20);
        var lists = Enumerable.Range(0, 9).Select(i => Node.KeyOnShard($"fan:type:list{i}", i % Node.Shards.Count)).ToArray();
        foreach (var key in lists)
        {
            await client.CommandAsync("RPUSH", key, "x");
        }

        var (found, _) = await ScanAllAsync(client, "TYPE", "list");

        Assert.Equal(lists.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scan_CursorNotFromTheProxy_RepliesError()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.StartsWith("-ERR", await client.CommandAsync("SCAN", "not-a-number"));
    }

    [Theory]
    [InlineData("FLUSHDB")]
    [InlineData("FLUSHALL")]
    public async Task Flush_KeysOnEveryShard_EmptiesEveryShard(string command)
    {
        await using var client = await Node.ConnectRawAsync();
        await FreshKeysAsync(client, "fan:flush", 9);

        Assert.Equal("+OK", await client.CommandAsync(command));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            Assert.Equal(0, await ShardDbSizeAsync(shard));
        }
        Assert.Equal(":0", await client.CommandAsync("DBSIZE"));
    }

    [Fact]
    public async Task RandomKey_EmptyDatabase_ReturnsNull()
    {
        await using var client = await Node.ConnectRawAsync();
        await fixture.FlushShardsAsync();

        Assert.Equal("(nil)", await client.CommandAsync("RANDOMKEY"));
    }

    [Fact]
    public async Task RandomKey_KeysOnlyOnTheLastShards_ReturnsOneOfThem()
    {
        await using var client = await Node.ConnectRawAsync();
        await fixture.FlushShardsAsync();
        var keys = new[] { Node.KeyOnShard("fan:random", 1), Node.KeyOnShard("fan:random", 2) };
        foreach (var key in keys)
        {
            await client.CommandAsync("SET", key, "x");
        }

        var seen = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            seen.Add(await client.CommandAsync("RANDOMKEY"));
        }

        Assert.Subset(keys.ToHashSet(), seen);
    }
}
