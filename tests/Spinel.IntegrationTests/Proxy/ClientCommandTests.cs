using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>CLIENT SETNAME/GETNAME/ID/INFO/LIST/KILL/REPLY, answered by the proxy for the endpoint's own clients.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClientCommandTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    /// <summary>The <c>name=value</c> fields of a CLIENT INFO / CLIENT LIST line.</summary>
    private static Dictionary<string, string> Fields(string line) =>
        line.Trim().Split(' ').Select(part => part.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

    private static async Task<long> IdOfAsync(RawRespClient client) => long.Parse((await client.CommandAsync("CLIENT", "ID"))[1..]);

    [Fact]
    public async Task SetName_ThenGetName_ReturnsTheName()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("(nil)", await client.CommandAsync("CLIENT", "GETNAME"));
        Assert.Equal("+OK", await client.CommandAsync("CLIENT", "SETNAME", "client-name-test"));

        Assert.Equal("client-name-test", await client.CommandAsync("CLIENT", "GETNAME"));
        Assert.Equal("+OK", await client.CommandAsync("CLIENT", "SETNAME", ""));
        Assert.Equal("(nil)", await client.CommandAsync("CLIENT", "GETNAME"));
    }

    [Fact]
    public async Task SetName_WithSpace_RepliesRedisError()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var direct = await Node.ConnectShardAsync(0);

        Assert.Equal(await direct.CommandAsync("CLIENT", "SETNAME", "has space"), await client.CommandAsync("CLIENT", "SETNAME", "has space"));
    }

    [Fact]
    public async Task Id_TwoClients_DistinctIdsThatClientInfoShows()
    {
        await using var first = await Node.ConnectRawAsync();
        await using var second = await Node.ConnectRawAsync();
        await first.CommandAsync("CLIENT", "SETNAME", "client-info-test");

        var firstId = await IdOfAsync(first);
        var secondId = await IdOfAsync(second);

        Assert.NotEqual(firstId, secondId);
        var info = Fields(await first.CommandAsync("CLIENT", "INFO"));
        Assert.Equal(firstId.ToString(), info["id"]);
        Assert.Equal("client-info-test", info["name"]);
        Assert.Equal(first.Socket.LocalEndPoint!.ToString(), info["addr"]);
    }

    [Fact]
    public async Task List_SeveralClients_HasALineForEachWithItsName()
    {
        await using var first = await Node.ConnectRawAsync();
        await using var second = await Node.ConnectRawAsync();
        await first.CommandAsync("CLIENT", "SETNAME", "list-first");
        await second.CommandAsync("CLIENT", "SETNAME", "list-second");
        var ids = new[] { await IdOfAsync(first), await IdOfAsync(second) };

        var lines = (await first.CommandAsync("CLIENT", "LIST")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Fields).ToList();

        var mine = lines.Where(l => ids.Contains(long.Parse(l["id"]))).ToDictionary(l => long.Parse(l["id"]), l => l["name"]);
        Assert.Equal("list-first", mine[ids[0]]);
        Assert.Equal("list-second", mine[ids[1]]);
        var byId = (await first.CommandAsync("CLIENT", "LIST", "ID", ids[1].ToString())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("list-second", Fields(Assert.Single(byId))["name"]);
    }

    [Fact]
    public async Task Kill_ById_ClosesThatClient()
    {
        await using var killer = await Node.ConnectRawAsync();
        await using var victim = await Node.ConnectRawAsync();
        var victimId = await IdOfAsync(victim);

        Assert.Equal(":1", await killer.CommandAsync("CLIENT", "KILL", "ID", victimId.ToString()));

        Assert.True(await victim.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("+PONG", await killer.CommandAsync("PING"));
        await Eventually.TrueAsync(async () => !(await killer.CommandAsync("CLIENT", "LIST")).Contains($"id={victimId} "),
            "CLIENT LIST no longer shows the killed client");
    }

    [Fact]
    public async Task Kill_ByAddrFilter_ClosesThatClient()
    {
        await using var killer = await Node.ConnectRawAsync();
        await using var victim = await Node.ConnectRawAsync();
        await victim.CommandAsync("PING");
        var address = victim.Socket.LocalEndPoint!.ToString()!;

        Assert.Equal(":1", await killer.CommandAsync("CLIENT", "KILL", "ADDR", address));

        Assert.True(await victim.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Kill_OldAddressForm_RepliesOkAndClosesThatClient()
    {
        await using var killer = await Node.ConnectRawAsync();
        await using var victim = await Node.ConnectRawAsync();
        await victim.CommandAsync("PING");

        Assert.Equal("+OK", await killer.CommandAsync("CLIENT", "KILL", victim.Socket.LocalEndPoint!.ToString()!));

        Assert.True(await victim.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Kill_TypePubSub_ClosesOnlySubscribedClients()
    {
        await using var killer = await Node.ConnectRawAsync();
        await using var normal = await Node.ConnectRawAsync();
        await using var subscribed = await Node.ConnectRawAsync();
        await subscribed.CommandAsync("SUBSCRIBE", "client:kill:type");
        var killed = await killer.CommandAsync("CLIENT", "KILL", "TYPE", "pubsub");

        Assert.StartsWith(":", killed);
        Assert.True(long.Parse(killed[1..]) >= 1, $"CLIENT KILL TYPE pubsub answered {killed}");
        Assert.True(await subscribed.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("+PONG", await normal.CommandAsync("PING"));
        Assert.Equal("+PONG", await killer.CommandAsync("PING"));
    }

    [Fact]
    public async Task Kill_UnknownType_RepliesLikeRedis()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var direct = await Node.ConnectShardAsync(0);

        Assert.Equal(await direct.CommandAsync("CLIENT", "KILL", "TYPE", "bogus"), await client.CommandAsync("CLIENT", "KILL", "TYPE", "bogus"));
        Assert.Equal("+PONG", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Kill_NoSuchClient_RepliesLikeRedis()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var direct = await Node.ConnectShardAsync(0);

        Assert.Equal(":0", await client.CommandAsync("CLIENT", "KILL", "ID", "987654321"));
        Assert.Equal(await direct.CommandAsync("CLIENT", "KILL", "10.9.8.7:6"), await client.CommandAsync("CLIENT", "KILL", "10.9.8.7:6"));
    }

    [Fact]
    public async Task Kill_BlockedClient_ClosesItAndTheShardForgetsIt()
    {
        const int shard = 1;
        await using var killer = await Node.ConnectRawAsync();
        await using var victim = await Node.ConnectRawAsync();
        await using var direct = await Node.ConnectShardAsync(shard);
        var victimId = await IdOfAsync(victim);
        var list = Node.KeyOnShard("client:kill:blocked", shard);
        await killer.CommandAsync("DEL", list);
        await victim.SendCommandAsync("BLPOP", list, "0");
        await Eventually.TrueAsync(async () => await InfoText.FieldAsync(direct, "clients", "blocked_clients") >= 1, "the victim blocks");

        Assert.Equal(":1", await killer.CommandAsync("CLIENT", "KILL", "ID", victimId.ToString()));

        Assert.True(await victim.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        await Eventually.TrueAsync(async () => await InfoText.FieldAsync(direct, "clients", "blocked_clients") == 0, "the shard unblocks");
    }

    [Fact]
    public async Task ReplyOff_ThenOn_CommandsInBetweenRunWithoutReplies()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("client:reply:off", 2);
        await client.CommandAsync("DEL", key);

        await client.SendCommandAsync("CLIENT", "REPLY", "OFF");
        await client.SendCommandAsync("SET", key, "silent");
        await client.SendCommandAsync("GET", key);
        await client.SendCommandAsync("MGET", key, Node.KeyOnShard("client:reply:other", 0));

        // The first reply after ON is ON's own +OK: none of the commands before it answered.
        Assert.Equal("+OK", await client.CommandAsync("CLIENT", "REPLY", "ON"));
        Assert.Equal("silent", await client.CommandAsync("GET", key));
    }

    [Fact]
    public async Task ReplySkip_NextCommandOnly_RunsWithoutReply()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("client:reply:skip", 1);

        await client.SendCommandAsync("CLIENT", "REPLY", "SKIP");
        await client.SendCommandAsync("SET", key, "skipped-reply");

        Assert.Equal("skipped-reply", await client.CommandAsync("GET", key));
    }
}
