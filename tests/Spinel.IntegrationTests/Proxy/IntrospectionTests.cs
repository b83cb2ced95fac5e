using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>INFO synthesised for the endpoint (port, clients, keyspace summed over shards) and COMMAND from the proxy.</summary>
[Trait("Category", "Integration")]
public sealed class IntrospectionTests(PrivateNode fixture) : IClassFixture<PrivateNode>
{
    private SpinelTestNode Node => fixture.Node;

    private async Task<Dictionary<string, string>> InfoAsync(RawRespClient client, params string[] sections) =>
        InfoText.Parse(await client.CommandAsync(["INFO", .. sections]));

    [Fact]
    public async Task Info_Server_TcpPortIsTheEndpointPort()
    {
        await using var client = await Node.ConnectRawAsync();

        var info = await InfoAsync(client, "server");

        Assert.Equal(Node.Port.ToString(), info["tcp_port"]);
        Assert.Equal("standalone", info["redis_mode"]);
        Assert.DoesNotContain(Node.Shards, shard => info.ContainsValue(shard.Port.ToString()));
    }

    [Fact]
    public async Task Info_Keyspace_KeysAreTheSumOverShards()
    {
        await using var client = await Node.ConnectRawAsync();
        await fixture.FlushShardsAsync();
        for (var i = 0; i < 25; i++)
        {
            await client.CommandAsync("SET", Node.KeyOnShard($"info:keys{i}", i % 3), "x");
        }
        long sum = 0;
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            var count = long.Parse((await direct.CommandAsync("DBSIZE"))[1..]);
            Assert.True(count > 0, $"shard {shard} holds none of the keys");
            sum += count;
        }

        var info = await InfoAsync(client, "keyspace");

        Assert.Equal(25, sum);
        Assert.StartsWith("keys=25,", info["db0"]);
    }

    [Fact]
    public async Task Info_Clients_ConnectedClientsCountsEndpointClients()
    {
        await using var client = await Node.ConnectRawAsync();
        var others = new List<RawRespClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var other = await Node.ConnectRawAsync();
                Assert.Equal("+PONG", await other.CommandAsync("PING"));
                others.Add(other);
            }
            await Eventually.TrueAsync(async () => (await InfoAsync(client, "clients"))["connected_clients"] == "4",
                "INFO counts this client and the 3 others");

            await others[0].DisposeAsync();
            others.RemoveAt(0);

            await Eventually.TrueAsync(async () => (await InfoAsync(client, "clients"))["connected_clients"] == "3",
                "INFO stops counting a client that left");
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Info_NoSection_HasTheUsualSections()
    {
        await using var client = await Node.ConnectRawAsync();

        var text = await client.CommandAsync("INFO");

        foreach (var section in new[] { "# Server", "# Clients", "# Memory", "# Stats", "# Replication", "# Keyspace" })
        {
            Assert.Contains(section, text);
        }
    }

    [Fact]
    public async Task CommandCount_RepliesWhatTheShardsRedisCounts()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var direct = await Node.ConnectShardAsync(0);

        Assert.Equal(await direct.CommandAsync("COMMAND", "COUNT"), await client.CommandAsync("COMMAND", "COUNT"));
    }

    [Fact]
    public async Task CommandInfo_Get_RepliesWhatTheShardsRedisReplies()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var direct = await Node.ConnectShardAsync(0);

        var reply = await client.CommandAsync("COMMAND", "INFO", "get");

        Assert.Equal(await direct.CommandAsync("COMMAND", "INFO", "get"), reply);
        Assert.StartsWith("[[get, :2, [+readonly, +fast], :1, :1, :1, ", reply);
    }

    [Fact]
    public async Task Command_NoArguments_OneEntryPerCommand()
    {
        await using var client = await Node.ConnectRawAsync();

        var all = await client.CommandTreeAsync("COMMAND");

        Assert.Equal(await client.CommandAsync("COMMAND", "COUNT"), ":" + all.Children.Count);
        Assert.Contains(all.Children, entry => entry.Children[0].Text == "mget");
    }

    [Fact]
    public async Task CommandGetKeys_MultiKeyCommand_RepliesItsKeys()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("[a, c]", await client.CommandAsync("COMMAND", "GETKEYS", "MSET", "a", "b", "c", "d"));
    }
}
