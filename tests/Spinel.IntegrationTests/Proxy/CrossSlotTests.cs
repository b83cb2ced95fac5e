using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>Multi-key commands other than the split ones must keep all their keys in one slot; hashtags make that so.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CrossSlotTests(SharedNode shared)
{
    private const string CrossSlot = "-CROSSSLOT Keys in request don't hash to the same slot";

    private SpinelTestNode Node => shared.Node;

    /// <summary>Each command with placeholders A and B for two keys (and D for a destination key).</summary>
    public static TheoryData<string> Commands => new()
    {
        "SUNIONSTORE D A B",
        "SINTER A B",
        "SMOVE A B member",
        "RENAME A B",
        "COPY A B",
        "LMOVE A B LEFT RIGHT",
        "RPOPLPUSH A B",
        "BITOP AND D A B",
        "PFMERGE D A B",
        "PFCOUNT A B",
        "ZUNIONSTORE D 2 A B",
        "ZDIFF 2 A B",
        "XREAD COUNT 1 STREAMS A B 0 0",
        "EVAL return(1) 2 A B",
        "MSETNX A 1 B 2",
        "BLPOP A B 1",
        "BLMOVE A B LEFT RIGHT 1",
        "BZPOPMIN A B 1",
        "XREAD BLOCK 100 STREAMS A B $ $",
        "WATCH A B",
    };

    private static string[] Expand(string command, string a, string b, string d) =>
        [.. command.Split(' ').Select(part => part switch { "A" => a, "B" => b, "D" => d, _ => part })];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_KeysOnDifferentShards_RepliesCrossSlot(string command)
    {
        await using var client = await Node.ConnectRawAsync();
        var a = Node.KeyOnShard("xslot:a", 1);
        var b = Node.KeyOnShard("xslot:b", 2);
        var d = Node.KeyOnShard("xslot:d", 0);

        Assert.Equal(CrossSlot, await client.CommandAsync(Expand(command, a, b, d)));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_DifferentSlotsOnTheSameShard_RepliesCrossSlot(string command)
    {
        await using var client = await Node.ConnectRawAsync();
        var a = Node.KeyOnShard("xslot:same:a", 1);
        var b = Enumerable.Range(0, 1000).Select(i => Node.KeyOnShard($"xslot:same:b{i}", 1))
            .First(k => Spinel.Resp.Slots.HashSlot.Compute(System.Text.Encoding.UTF8.GetBytes(k)) !=
                Spinel.Resp.Slots.HashSlot.Compute(System.Text.Encoding.UTF8.GetBytes(a)));

        Assert.Equal(CrossSlot, await client.CommandAsync(Expand(command, a, b, a)));
    }

    [Fact]
    public async Task Rename_KeysOnDifferentShards_SourceIsLeftUntouched()
    {
        await using var client = await Node.ConnectRawAsync();
        var a = Node.KeyOnShard("xslot:rename:a", 0);
        var b = Node.KeyOnShard("xslot:rename:b", 2);
        await client.CommandAsync("SET", a, "kept");
        await client.CommandAsync("DEL", b);

        Assert.Equal(CrossSlot, await client.CommandAsync("RENAME", a, b));

        Assert.Equal("kept", await client.CommandAsync("GET", a));
        Assert.Equal(":0", await client.CommandAsync("EXISTS", b));
    }

    [Fact]
    public async Task SetCommands_HashtagKeys_Work()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("DEL", "{xs:set}a", "{xs:set}b", "{xs:set}d");
        await client.CommandAsync("SADD", "{xs:set}a", "1", "2");
        await client.CommandAsync("SADD", "{xs:set}b", "2", "3");

        Assert.Equal(":3", await client.CommandAsync("SUNIONSTORE", "{xs:set}d", "{xs:set}a", "{xs:set}b"));
        Assert.Equal("[2]", await client.CommandAsync("SINTER", "{xs:set}a", "{xs:set}b"));
        Assert.Equal(":1", await client.CommandAsync("SMOVE", "{xs:set}a", "{xs:set}b", "1"));
        Assert.Equal("[1, 2, 3]", await client.CommandAsync("SORT", "{xs:set}b"));
    }

    [Fact]
    public async Task Rename_HashtagKeys_MovesTheValue()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("DEL", "{xs:ren}to");
        await client.CommandAsync("SET", "{xs:ren}from", "moved");

        Assert.Equal("+OK", await client.CommandAsync("RENAME", "{xs:ren}from", "{xs:ren}to"));

        Assert.Equal("moved", await client.CommandAsync("GET", "{xs:ren}to"));
        Assert.Equal(":0", await client.CommandAsync("EXISTS", "{xs:ren}from"));
    }

    [Fact]
    public async Task Lmove_HashtagKeys_MovesTheElement()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("DEL", "{xs:list}src", "{xs:list}dst");
        await client.CommandAsync("RPUSH", "{xs:list}src", "a", "b");

        Assert.Equal("a", await client.CommandAsync("LMOVE", "{xs:list}src", "{xs:list}dst", "LEFT", "RIGHT"));

        Assert.Equal("[a]", await client.CommandAsync("LRANGE", "{xs:list}dst", "0", "-1"));
    }

    [Fact]
    public async Task Bitop_HashtagKeys_StoresTheResult()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("SET", "{xs:bit}a", "a");
        await client.CommandAsync("SET", "{xs:bit}b", "c");

        Assert.Equal(":1", await client.CommandAsync("BITOP", "AND", "{xs:bit}d", "{xs:bit}a", "{xs:bit}b"));

        Assert.Equal("a", await client.CommandAsync("GET", "{xs:bit}d"));
    }

    [Fact]
    public async Task Pfmerge_HashtagKeys_MergesTheSketches()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("DEL", "{xs:hll}a", "{xs:hll}b", "{xs:hll}d");
        await client.CommandAsync("PFADD", "{xs:hll}a", "x", "y");
        await client.CommandAsync("PFADD", "{xs:hll}b", "y", "z");

        Assert.Equal("+OK", await client.CommandAsync("PFMERGE", "{xs:hll}d", "{xs:hll}a", "{xs:hll}b"));

        Assert.Equal(":3", await client.CommandAsync("PFCOUNT", "{xs:hll}d"));
    }

    [Fact]
    public async Task Zunionstore_HashtagKeys_StoresTheUnion()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("DEL", "{xs:z}a", "{xs:z}b", "{xs:z}d");
        await client.CommandAsync("ZADD", "{xs:z}a", "1", "m1", "2", "m2");
        await client.CommandAsync("ZADD", "{xs:z}b", "3", "m2", "4", "m3");

        Assert.Equal(":3", await client.CommandAsync("ZUNIONSTORE", "{xs:z}d", "2", "{xs:z}a", "{xs:z}b"));

        Assert.Equal("[m1, 1, m3, 4, m2, 5]", await client.CommandAsync("ZRANGE", "{xs:z}d", "0", "-1", "WITHSCORES"));
    }

    [Fact]
    public async Task Xread_TwoHashtagStreams_ReadsBoth()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("DEL", "{xs:st}a", "{xs:st}b");
        await client.CommandAsync("XADD", "{xs:st}a", "1-1", "f", "a");
        await client.CommandAsync("XADD", "{xs:st}b", "2-1", "f", "b");

        var reply = await client.CommandAsync("XREAD", "STREAMS", "{xs:st}a", "{xs:st}b", "0", "0");

        Assert.Equal("[[{xs:st}a, [[1-1, [f, a]]]], [{xs:st}b, [[2-1, [f, b]]]]]", reply);
    }

    [Fact]
    public async Task Eval_TwoHashtagKeys_RunsOnTheirShard()
    {
        await using var client = await Node.ConnectRawAsync();
        var a = "{xs:eval}" + Node.KeyOnShard("a", 2);
        var b = "{xs:eval}" + Node.KeyOnShard("b", 2);
        await client.CommandAsync("SET", a, "1");
        await client.CommandAsync("SET", b, "2");

        var reply = await client.CommandAsync("EVAL", "return {redis.call('GET', KEYS[1]), redis.call('GET', KEYS[2])}", "2", a, b);

        Assert.Equal("[1, 2]", reply);
    }
}
