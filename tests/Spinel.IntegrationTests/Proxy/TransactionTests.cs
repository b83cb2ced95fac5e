using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>MULTI/EXEC/DISCARD/WATCH/UNWATCH: one-slot transactions, CROSSSLOT aborts, WATCH conflicts, redis's errors.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TransactionTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    [Fact]
    public async Task Exec_CommandsOnOneHashtag_RepliesEveryResultInOrder()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("DEL", "{tx:ok}n", "{tx:ok}l");

        Assert.Equal("+OK", await client.CommandAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CommandAsync("SET", "{tx:ok}n", "1"));
        Assert.Equal("+QUEUED", await client.CommandAsync("INCR", "{tx:ok}n"));
        Assert.Equal("+QUEUED", await client.CommandAsync("RPUSH", "{tx:ok}l", "a", "b"));
        Assert.Equal("+QUEUED", await client.CommandAsync("GET", "{tx:ok}n"));
        Assert.Equal("+QUEUED", await client.CommandAsync("MGET", "{tx:ok}n", "{tx:ok}missing"));

        Assert.Equal("[+OK, :2, :2, 2, [2, (nil)]]", await client.CommandAsync("EXEC"));
    }

    [Fact]
    public async Task Exec_KeysOfOneSlotOnTheLastShard_RunsOnThatShard()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:shard", 2);

        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", key, "in-tx");
        await client.CommandAsync("APPEND", key, "!");

        Assert.Equal("[+OK, :6]", await client.CommandAsync("EXEC"));
        await using var direct = await Node.ConnectShardAsync(2);
        Assert.Equal("in-tx!", await direct.CommandAsync("GET", key));
    }

    [Fact]
    public async Task Exec_RuntimeErrorInOneCommand_OtherCommandsStillRun()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("SET", "{tx:rt}s", "text");

        await client.CommandAsync("MULTI");
        await client.CommandAsync("INCR", "{tx:rt}s");
        await client.CommandAsync("SET", "{tx:rt}t", "ok");

        Assert.Equal("[-ERR value is not an integer or out of range, +OK]", await client.CommandAsync("EXEC"));
    }

    [Fact]
    public async Task Exec_AfterCrossSlotCommandInMulti_RepliesExecAbortAndRunsNothing()
    {
        await using var client = await Node.ConnectRawAsync();
        var a = Node.KeyOnShard("tx:abort:a", 0);
        var b = Node.KeyOnShard("tx:abort:b", 1);
        await client.CommandAsync("DEL", a, b);

        await client.CommandAsync("MULTI");
        Assert.Equal("+QUEUED", await client.CommandAsync("SET", a, "1"));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CommandAsync("SET", b, "2"));

        Assert.Equal("-EXECABORT Transaction discarded because of previous errors.", await client.CommandAsync("EXEC"));
        Assert.Equal(":0", await client.CommandAsync("EXISTS", a, b));
    }

    [Fact]
    public async Task Exec_AfterMultiKeyCommandAcrossSlotsInMulti_RepliesExecAbort()
    {
        await using var client = await Node.ConnectRawAsync();
        var a = Node.KeyOnShard("tx:mget:a", 0);
        var b = Node.KeyOnShard("tx:mget:b", 2);

        await client.CommandAsync("MULTI");
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CommandAsync("MGET", a, b));

        Assert.Equal("-EXECABORT Transaction discarded because of previous errors.", await client.CommandAsync("EXEC"));
    }

    [Fact]
    public async Task Exec_AfterUnknownCommandInMulti_RepliesLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["MULTI"], ["SET", "{tx:unk}k", "v"], ["NOSUCHCOMMAND", "x"], ["EXEC"], ["EXISTS", "{tx:unk}k"]);

        Assert.Equal(redis, proxy);
        Assert.StartsWith("-EXECABORT", proxy[3]);
    }

    [Fact]
    public async Task Multi_PublishToAChannelOfAnotherSlotAfterAKey_RepliesCrossSlotAndAborts()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:pub:key", 0);
        var channel = Node.KeyOnShard("tx:pub:chan", 1);
        await client.CommandAsync("DEL", key);

        await client.CommandAsync("MULTI");
        Assert.Equal("+QUEUED", await client.CommandAsync("SET", key, "v"));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CommandAsync("PUBLISH", channel, "m"));

        Assert.StartsWith("-EXECABORT", await client.CommandAsync("EXEC"));
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal(":0", await direct.CommandAsync("EXISTS", key));
        }
    }

    [Fact]
    public async Task Exec_PublishToAChannelOfTheKeysSlot_ReachesTheSubscriber()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var subscriber = await Node.ConnectRawAsync();
        await subscriber.CommandAsync("SUBSCRIBE", "{tx:pubok}chan");

        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", "{tx:pubok}key", "v");
        await client.CommandAsync("PUBLISH", "{tx:pubok}chan", "in-tx");

        Assert.Equal("[+OK, :1]", await client.CommandAsync("EXEC"));
        Assert.Equal("[message, {tx:pubok}chan, in-tx]", await subscriber.ReadAsync());
    }

    [Fact]
    public async Task Exec_WatchedKeyWrittenByAnotherClient_RepliesNullAndRunsNothing()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var other = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:watch", 1);
        await client.CommandAsync("SET", key, "before");

        Assert.Equal("+OK", await client.CommandAsync("WATCH", key));
        Assert.Equal("+OK", await other.CommandAsync("SET", key, "other"));
        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", key, "mine");

        Assert.Equal("(nil)", await client.CommandAsync("EXEC"));
        Assert.Equal("other", await client.CommandAsync("GET", key));
    }

    [Fact]
    public async Task Exec_WatchedKeyUnchanged_RunsTheTransaction()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var other = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:watch:ok", 2);
        var unrelated = Node.KeyOnShard("tx:watch:unrelated", 2);
        await client.CommandAsync("SET", key, "before");

        await client.CommandAsync("WATCH", key);
        await other.CommandAsync("SET", unrelated, "x");
        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", key, "mine");

        Assert.Equal("[+OK]", await client.CommandAsync("EXEC"));
        Assert.Equal("mine", await other.CommandAsync("GET", key));
    }

    [Fact]
    public async Task Exec_AfterUnwatch_IgnoresLaterWritesByOthers()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var other = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:unwatch", 0);

        await client.CommandAsync("WATCH", key);
        Assert.Equal("+OK", await client.CommandAsync("UNWATCH"));
        await other.CommandAsync("SET", key, "other");
        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", key, "mine");

        Assert.Equal("[+OK]", await client.CommandAsync("EXEC"));
        Assert.Equal("mine", await other.CommandAsync("GET", key));
    }

    [Fact]
    public async Task Exec_SecondTransactionAfterWatchConflict_RunsNormally()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var other = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:again", 1);

        await client.CommandAsync("WATCH", key);
        await other.CommandAsync("SET", key, "other");
        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", key, "first");
        Assert.Equal("(nil)", await client.CommandAsync("EXEC"));
        await other.CommandAsync("SET", key, "other-again");
        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", key, "second");

        Assert.Equal("[+OK]", await client.CommandAsync("EXEC"));
        Assert.Equal("second", await client.CommandAsync("GET", key));
    }

    [Fact]
    public async Task Discard_AfterQueuedCommands_RunsNothing()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:discard", 2);
        await client.CommandAsync("DEL", key);

        await client.CommandAsync("MULTI");
        await client.CommandAsync("SET", key, "x");

        Assert.Equal("+OK", await client.CommandAsync("DISCARD"));
        Assert.Equal(":0", await client.CommandAsync("EXISTS", key));
        Assert.Equal("-ERR EXEC without MULTI", await client.CommandAsync("EXEC"));
    }

    [Fact]
    public async Task Exec_EmptyTransaction_RepliesEmptyArrayLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["MULTI"], ["EXEC"], ["MULTI"], ["PING"], ["ECHO", "e"], ["EXEC"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("[]", proxy[1]);
        Assert.Equal("[+PONG, e]", proxy[5]);
    }

    [Fact]
    public async Task Exec_WithoutMulti_RepliesRedisError()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["EXEC"], ["DISCARD"]);

        Assert.Equal(redis, proxy);
        Assert.Equal(["-ERR EXEC without MULTI", "-ERR DISCARD without MULTI"], proxy);
    }

    [Fact]
    public async Task Multi_Nested_RepliesRedisErrorAndKeepsTheTransaction()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["MULTI"], ["SET", "{tx:nest}k", "v"], ["MULTI"], ["GET", "{tx:nest}k"], ["EXEC"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("-ERR MULTI calls can not be nested", proxy[2]);
        Assert.Equal("[+OK, v]", proxy[4]);
    }

    [Fact]
    public async Task Watch_InsideMulti_RepliesRedisErrorAndKeepsTheTransaction()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["MULTI"], ["WATCH", "{tx:wim}k"], ["SET", "{tx:wim}k", "v"], ["EXEC"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("-ERR WATCH inside MULTI is not allowed", proxy[1]);
        Assert.Equal("[+OK]", proxy[3]);
    }

    [Fact]
    public async Task Watch_KeysOfDifferentSlots_RepliesCrossSlot()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot",
            await client.CommandAsync("WATCH", Node.KeyOnShard("tx:w2:a", 0), Node.KeyOnShard("tx:w2:b", 1)));
    }

    [Fact]
    public async Task Multi_CommandOnAnotherSlotThanTheWatchedKey_RepliesCrossSlotAndAborts()
    {
        await using var client = await Node.ConnectRawAsync();
        var watched = Node.KeyOnShard("tx:w3:a", 0);
        var other = Node.KeyOnShard("tx:w3:b", 1);

        await client.CommandAsync("WATCH", watched);
        await client.CommandAsync("MULTI");

        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CommandAsync("SET", other, "x"));
        Assert.StartsWith("-EXECABORT", await client.CommandAsync("EXEC"));
    }

    [Fact]
    public async Task Pipeline_TransactionBetweenOtherCommands_RepliesInOrder()
    {
        await using var client = await Node.ConnectRawAsync();
        var before = Node.KeyOnShard("tx:pipe:before", 1);
        var after = Node.KeyOnShard("tx:pipe:after", 2);
        var pipeline = new MemoryStream();
        foreach (var command in new[]
        {
            new[] { "SET", before, "b" }, ["WATCH", "{tx:pipe}k"], ["MULTI"], ["SET", "{tx:pipe}k", "t"], ["GET", "{tx:pipe}k"], ["EXEC"],
            ["SET", after, "a"], ["MGET", before, "{tx:pipe}k", after],
        })
        {
            pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand(command));
        }

        await client.SendAsync(pipeline.ToArray());

        string[] expected = ["+OK", "+OK", "+OK", "+QUEUED", "+QUEUED", "[+OK, t]", "+OK", "[b, t, a]"];
        foreach (var reply in expected)
        {
            Assert.Equal(reply, await client.ReadAsync());
        }
    }

    [Fact]
    public async Task Pipeline_ReadAfterWatchedExec_SeesTheTransactionsWrite()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:pipe:exec", 2);
        await client.CommandAsync("SET", key, "before");
        var pipeline = new MemoryStream();
        foreach (var command in new[] { new[] { "WATCH", key }, ["MULTI"], ["SET", key, "after"], ["EXEC"], ["GET", key] })
        {
            pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand(command));
        }

        await client.SendAsync(pipeline.ToArray());

        foreach (var reply in new[] { "+OK", "+OK", "+QUEUED", "[+OK]", "after" })
        {
            Assert.Equal(reply, await client.ReadAsync());
        }
    }

    [Fact]
    public async Task Pipeline_ReadAfterWriteAndUnwatch_SeesTheWrite()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("tx:pipe:unwatch", 1);
        await client.CommandAsync("SET", key, "before");
        var pipeline = new MemoryStream();
        foreach (var command in new[] { new[] { "WATCH", key }, ["SET", key, "after"], ["UNWATCH"], ["GET", key] })
        {
            pipeline.Write(Spinel.Resp.Framing.RespWriter.EncodeCommand(command));
        }

        await client.SendAsync(pipeline.ToArray());

        foreach (var reply in new[] { "+OK", "+OK", "+OK", "after" })
        {
            Assert.Equal(reply, await client.ReadAsync());
        }
    }
}
