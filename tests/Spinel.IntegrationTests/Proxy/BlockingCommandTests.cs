using System.Diagnostics;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>Blocking commands run on a dedicated shard connection: a blocked client never stalls the others.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BlockingCommandTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    private async Task<long> BlockedClientsOnShardAsync(int shard)
    {
        await using var direct = await Node.ConnectShardAsync(shard);
        return await InfoText.FieldAsync(direct, "clients", "blocked_clients");
    }

    private async Task WaitUntilBlockedAsync(int shard, long count = 1) =>
        await Eventually.TrueAsync(async () => await BlockedClientsOnShardAsync(shard) >= count, $"{count} client(s) block on shard {shard}");

    [Fact]
    public async Task Blpop_BlockedClient_OtherClientsKeepRunningAndPushWakesIt()
    {
        const int shard = 1;
        var list = Node.KeyOnShard("block:list", shard);
        await using var blocked = await Node.ConnectRawAsync();
        await blocked.CommandAsync("DEL", list);
        await blocked.SendCommandAsync("BLPOP", list, "0");
        await WaitUntilBlockedAsync(shard);

        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Node.ConnectRawAsync()));
        try
        {
            // 1000 GET/SET over 4 clients, half of the keys on the blocked client's shard; none may wait behind BLPOP.
            var work = clients.Select((client, c) => Task.Run(async () =>
            {
                for (var i = 0; i < 125; i++)
                {
                    var key = Node.KeyOnShard($"block:other{c}:{i}", i % 2 == 0 ? shard : (i / 2) % 3);
                    Assert.Equal("+OK", await client.CommandAsync("SET", key, $"{c}-{i}"));
                    Assert.Equal($"{c}-{i}", await client.CommandAsync("GET", key));
                }
            })).ToArray();
            await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(":1", await clients[0].CommandAsync("LPUSH", list, "wake-up"));
            Assert.Equal($"[{list}, wake-up]", await blocked.ReadAsync());
            Assert.Equal(":0", await clients[0].CommandAsync("EXISTS", list));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Blpop_ClientDisconnectsWhileBlocked_ShardForgetsTheBlockedClient()
    {
        const int shard = 2;
        var list = Node.KeyOnShard("block:gone", shard);
        await using var other = await Node.ConnectRawAsync();
        await other.CommandAsync("DEL", list);
        var blocked = await Node.ConnectRawAsync();
        await blocked.SendCommandAsync("BLPOP", list, "0");
        await WaitUntilBlockedAsync(shard);

        await blocked.DisposeAsync();

        await Eventually.TrueAsync(async () => await BlockedClientsOnShardAsync(shard) == 0, "the shard has no blocked client");
        // Nobody pops the value any more: it stays in the list.
        Assert.Equal(":1", await other.CommandAsync("LPUSH", list, "kept"));
        Assert.Equal(":1", await other.CommandAsync("LLEN", list));
    }

    [Fact]
    public async Task Brpop_TimeoutWithoutData_RepliesNullAfterTheTimeout()
    {
        await using var client = await Node.ConnectRawAsync();
        var list = Node.KeyOnShard("block:timeout", 0);
        await client.CommandAsync("DEL", list);
        var watch = Stopwatch.StartNew();

        Assert.Equal("(nil)", await client.CommandAsync("BRPOP", list, "0.2"));

        Assert.True(watch.ElapsedMilliseconds >= 150, $"BRPOP 0.2 answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Brpop_ListAlreadyHasData_RepliesAtOnce()
    {
        await using var client = await Node.ConnectRawAsync();
        var list = Node.KeyOnShard("block:ready", 2);
        await client.CommandAsync("DEL", list);
        await client.CommandAsync("RPUSH", list, "a", "b");

        Assert.Equal($"[{list}, b]", await client.CommandAsync("BRPOP", list, "0"));
        Assert.Equal($"[{list}, a]", await client.CommandAsync("BRPOP", list, "0"));
    }

    /// <summary>Blocking commands on {tag} keys (blocked on the empty key), the command that wakes them and the reply.</summary>
    public static TheoryData<string, string, string> BlockingCommands => new()
    {
        { "BLPOP {b:lp}k 0", "RPUSH {b:lp}k a b", "[{b:lp}k, a]" },
        { "BRPOP {b:rp}k 0", "RPUSH {b:rp}k a b", "[{b:rp}k, b]" },
        { "BLMOVE {b:mv}k {b:mv}dst LEFT RIGHT 0", "RPUSH {b:mv}k moved", "moved" },
        { "BRPOPLPUSH {b:rpl}k {b:rpl}dst 0", "RPUSH {b:rpl}k moved", "moved" },
        { "BLMPOP 0 1 {b:mp}k LEFT", "RPUSH {b:mp}k x", "[{b:mp}k, [x]]" },
        { "BZPOPMIN {b:zmin}k 0", "ZADD {b:zmin}k 2 two 1 one", "[{b:zmin}k, one, 1]" },
        { "BZPOPMAX {b:zmax}k 0", "ZADD {b:zmax}k 2 two 1 one", "[{b:zmax}k, two, 2]" },
        { "XREAD BLOCK 0 STREAMS {b:x}k $", "XADD {b:x}k 7-1 f v", "[[{b:x}k, [[7-1, [f, v]]]]]" },
    };

    [Theory]
    [MemberData(nameof(BlockingCommands))]
    public async Task BlockingCommand_WhileBlocked_SameShardServesOthersAndWakeUpRepliesTheValue(string command, string wake, string expected)
    {
        var key = command.Split(' ').First(part => part.StartsWith('{'));
        var shard = Node.ShardIndexOf(key);
        var sameShardKey = key.Replace("}k", "}other", StringComparison.Ordinal);
        await using var blocked = await Node.ConnectRawAsync();
        await using var other = await Node.ConnectRawAsync();
        await other.CommandAsync("DEL", key, key.Replace("}k", "}dst", StringComparison.Ordinal));
        var before = await BlockedClientsOnShardAsync(shard);
        await blocked.SendCommandAsync(command.Split(' '));
        await WaitUntilBlockedAsync(shard, before + 1);

        // With one shared connection per shard, these would wait behind the blocked command if it ran there.
        Assert.Equal("+OK", await other.CommandAsync("SET", sameShardKey, "served"));
        Assert.Equal("served", await other.CommandAsync("GET", sameShardKey));
        await other.CommandAsync(wake.Split(' '));

        Assert.Equal(expected, await blocked.ReadAsync());
    }

    [Fact]
    public async Task Blpop_TwoBlockedClientsOnOneList_EachPushWakesOneOfThem()
    {
        const int shard = 2;
        var list = Node.KeyOnShard("block:two", shard);
        await using var first = await Node.ConnectRawAsync();
        await using var second = await Node.ConnectRawAsync();
        await using var other = await Node.ConnectRawAsync();
        await other.CommandAsync("DEL", list);
        var before = await BlockedClientsOnShardAsync(shard);
        await first.SendCommandAsync("BLPOP", list, "0");
        await WaitUntilBlockedAsync(shard, before + 1);
        await second.SendCommandAsync("BLPOP", list, "0");
        await WaitUntilBlockedAsync(shard, before + 2);

        await other.CommandAsync("RPUSH", list, "one", "two");

        Assert.Equal($"[{list}, one]", await first.ReadAsync());
        Assert.Equal($"[{list}, two]", await second.ReadAsync());
    }

    [Fact]
    public async Task Wait_NoReplicasZeroTimeout_RepliesZero()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal(":0", await client.CommandAsync("WAIT", "0", "0"));
    }

    [Fact]
    public async Task Wait_OneReplicaWanted_RepliesZeroAfterAboutTheTimeout()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("SET", Node.KeyOnShard("block:wait", 1), "x");
        var watch = Stopwatch.StartNew();

        Assert.Equal(":0", await client.CommandAsync("WAIT", "1", "100"));

        Assert.InRange(watch.ElapsedMilliseconds, 90, 5000);
    }

    [Fact]
    public async Task Wait_AfterWritesOnEveryShard_RepliesZero()
    {
        await using var client = await Node.ConnectRawAsync();
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await client.CommandAsync("SET", Node.KeyOnShard("block:waitall", shard), "x");
        }

        Assert.Equal(":0", await client.CommandAsync("WAIT", "1", "50"));
    }

    [Fact]
    public async Task Wait_WaitingForeverForAReplica_OtherClientsOnTheSameShardAreServed()
    {
        const int shard = 0;
        await using var other = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("block:waitother", shard);
        var waiting = await Node.ConnectRawAsync();
        await waiting.CommandAsync("SET", key, "x");
        // No replica ever comes and timeout 0 means no timeout: WAIT stays in flight for the whole test.
        await waiting.SendCommandAsync("WAIT", "1", "0");
        await WaitUntilBlockedAsync(shard);

        var work = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal("+OK", await other.CommandAsync("SET", key, i.ToString()));
            }
        });

        await work.WaitAsync(TimeSpan.FromSeconds(20));
        await waiting.DisposeAsync();
        await Eventually.TrueAsync(async () => await BlockedClientsOnShardAsync(shard) == 0, "the shard forgets the WAIT of a client that left");
    }

    [Fact]
    public async Task Pipeline_CommandAfterBlpopOnTheSameShard_RunsAfterIt()
    {
        await using var client = await Node.ConnectRawAsync();
        var list = Node.KeyOnShard("block:pipe", 1);
        await client.CommandAsync("DEL", list);
        var pipeline = new MemoryStream();
        pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand("RPUSH", list, "a", "b"));
        pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand("BLPOP", list, "0"));
        pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand("LLEN", list));

        await client.SendAsync(pipeline.ToArray());

        Assert.Equal(":2", await client.ReadAsync());
        Assert.Equal($"[{list}, a]", await client.ReadAsync());
        Assert.Equal(":1", await client.ReadAsync());
    }
}
