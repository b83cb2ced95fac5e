using Spinel.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>StackExchange.Redis, a real pipelining client, against the endpoint: data types, transactions, Lua.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StackExchangeRedisTests(SharedNode shared) : IAsyncLifetime
{
    private ConnectionMultiplexer _connection = null!;

    private SpinelTestNode Node => shared.Node;

    private IDatabase Db => _connection.GetDatabase();

    public async Task InitializeAsync() => _connection = await Node.ConnectAsync();

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private string[] KeysOnEveryShard(string prefix) =>
        [.. Enumerable.Range(0, Node.Shards.Count).Select(shard => Node.KeyOnShard(prefix, shard))];

    [Fact]
    public async Task Strings_KeysOnEveryShard_SetGetIncrAndMultiGet()
    {
        var keys = KeysOnEveryShard("se:str");
        await Db.KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]);

        Assert.True(await Db.StringSetAsync([.. keys.Select(k => new KeyValuePair<RedisKey, RedisValue>(k, "v-" + k))]));
        Assert.Equal(5, await Db.StringIncrementAsync(keys[1] + ":n", 5));

        var values = await Db.StringGetAsync([.. keys.Select(k => (RedisKey)k), "se:str:missing"]);
        Assert.Equal([.. keys.Select(k => "v-" + k), null], values.Select(v => (string?)v));
        Assert.Equal(keys.Length, await Db.KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]));
    }

    [Fact]
    public async Task Hashes_SetAndReadFields()
    {
        var key = Node.KeyOnShard("se:hash", 2);
        await Db.KeyDeleteAsync(key);

        await Db.HashSetAsync(key, [new HashEntry("a", "1"), new HashEntry("b", "2")]);
        await Db.HashIncrementAsync(key, "a", 10);

        Assert.Equal("11", (string?)await Db.HashGetAsync(key, "a"));
        Assert.Equal(
            new Dictionary<string, string> { ["a"] = "11", ["b"] = "2" },
            (await Db.HashGetAllAsync(key)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString()));
    }

    [Fact]
    public async Task Lists_PushRangeAndPop()
    {
        var key = Node.KeyOnShard("se:list", 1);
        await Db.KeyDeleteAsync(key);

        Assert.Equal(3, await Db.ListRightPushAsync(key, ["a", "b", "c"]));

        Assert.Equal(["a", "b", "c"], (await Db.ListRangeAsync(key)).Select(v => v.ToString()));
        Assert.Equal("c", (string?)await Db.ListRightPopAsync(key));
        Assert.Equal(2, await Db.ListLengthAsync(key));
    }

    [Fact]
    public async Task Sets_AddMembersAndCombineOnOneHashtag()
    {
        await Db.KeyDeleteAsync(["{se:set}a", "{se:set}b"]);
        await Db.SetAddAsync("{se:set}a", ["1", "2", "3"]);
        await Db.SetAddAsync("{se:set}b", ["2", "3", "4"]);

        var inter = await Db.SetCombineAsync(SetOperation.Intersect, "{se:set}a", "{se:set}b");

        Assert.Equal(["2", "3"], inter.Select(v => v.ToString()).Order());
        Assert.True(await Db.SetContainsAsync("{se:set}a", "1"));
    }

    [Fact]
    public async Task SortedSets_AddRankAndRange()
    {
        var key = Node.KeyOnShard("se:zset", 0);
        await Db.KeyDeleteAsync(key);

        await Db.SortedSetAddAsync(key, [new SortedSetEntry("low", 1), new SortedSetEntry("high", 10), new SortedSetEntry("mid", 5)]);

        Assert.Equal(["low", "mid", "high"], (await Db.SortedSetRangeByRankAsync(key)).Select(v => v.ToString()));
        Assert.Equal(2, await Db.SortedSetRankAsync(key, "high"));
        Assert.Equal(5, await Db.SortedSetScoreAsync(key, "mid"));
    }

    [Fact]
    public async Task Streams_AddAndRead()
    {
        var key = Node.KeyOnShard("se:stream", 2);
        await Db.KeyDeleteAsync(key);

        var first = await Db.StreamAddAsync(key, "field", "one");
        await Db.StreamAddAsync(key, "field", "two");

        var entries = await Db.StreamReadAsync(key, "0-0");
        Assert.Equal(2, entries.Length);
        Assert.Equal(first, entries[0].Id);
        Assert.Equal("two", (string?)entries[1]["field"]);
        Assert.Equal(2, await Db.StreamLengthAsync(key));
    }

    [Fact]
    public async Task Transaction_ConditionHolds_CommitsEveryCommand()
    {
        await Db.KeyDeleteAsync(["{se:tx}counter", "{se:tx}log"]);
        await Db.StringSetAsync("{se:tx}counter", "1");
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual("{se:tx}counter", "1"));
        var incr = transaction.StringIncrementAsync("{se:tx}counter");
        var push = transaction.ListRightPushAsync("{se:tx}log", "incremented");

        Assert.True(await transaction.ExecuteAsync());

        Assert.Equal(2, await incr);
        Assert.Equal(1, await push);
        Assert.Equal("2", (string?)await Db.StringGetAsync("{se:tx}counter"));
    }

    [Fact]
    public async Task Transaction_ConditionFails_CommitsNothing()
    {
        await Db.KeyDeleteAsync(["{se:txf}counter", "{se:txf}log"]);
        await Db.StringSetAsync("{se:txf}counter", "5");
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual("{se:txf}counter", "1"));
        _ = transaction.StringIncrementAsync("{se:txf}counter");
        _ = transaction.ListRightPushAsync("{se:txf}log", "incremented");

        Assert.False(await transaction.ExecuteAsync());

        Assert.Equal("5", (string?)await Db.StringGetAsync("{se:txf}counter"));
        Assert.False(await Db.KeyExistsAsync("{se:txf}log"));
    }

    [Fact]
    public async Task Transaction_ManyConcurrentIncrementsWithConditions_NoUpdateIsLost()
    {
        const string Key = "{se:cas}value";
        await Db.StringSetAsync(Key, "0");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var done = 0; done < 10;)
            {
                var current = (long)await Db.StringGetAsync(Key);
                var transaction = Db.CreateTransaction();
                transaction.AddCondition(Condition.StringEqual(Key, current));
                _ = transaction.StringSetAsync(Key, current + 1);
                if (await transaction.ExecuteAsync())
                {
                    done++;
                }
            }
        }));

        Assert.Equal("80", (string?)await Db.StringGetAsync(Key));
    }

    [Fact]
    public async Task ScriptEvaluate_KeysOnEveryShard_RunsOnEachKeysShard()
    {
        const string Script = "redis.call('SET', KEYS[1], ARGV[1]) return redis.call('STRLEN', KEYS[1])";
        foreach (var key in KeysOnEveryShard("se:lua"))
        {
            var result = await Db.ScriptEvaluateAsync(Script, [key], ["abc" + key]);

            Assert.Equal(("abc" + key).Length, (long)result);
            await using var direct = await Node.ConnectShardAsync(Node.ShardIndexOf(key));
            Assert.Equal("abc" + key, await direct.CommandAsync("GET", key));
        }
    }

    [Fact]
    public async Task ScriptEvaluate_KeysOfTwoSlots_ThrowsCrossSlot()
    {
        var keys = KeysOnEveryShard("se:luax");

        var error = await Assert.ThrowsAsync<RedisServerException>(() =>
            Db.ScriptEvaluateAsync("return 1", [keys[0], keys[1]]));

        Assert.StartsWith("CROSSSLOT", error.Message);
    }

    [Fact]
    public async Task Pipelined_ManyOperationsAcrossShards_AllResultsMatch()
    {
        var tasks = Enumerable.Range(0, 500).Select(async i =>
        {
            var key = Node.KeyOnShard($"se:pipe{i}", i % 3);
            await Db.StringSetAsync(key, i);
            return (i, (long)await Db.StringGetAsync(key));
        });

        foreach (var (expected, actual) in await Task.WhenAll(tasks))
        {
            Assert.Equal(expected, actual);
        }
    }
}
