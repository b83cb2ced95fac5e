using System.Net.Sockets;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DisconnectTests(RobustnessCollection.DefaultNode fixture)
{
    private const int ClientsPerKind = 50;

    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task Disconnect_MidPipelineMidFrameOrWhileBlocked_LeavesNoClientsOrShardConnectionsBehind()
    {
        var prefix = "debris-" + Guid.NewGuid().ToString("N")[..8];
        await using var observer = await Node.ConnectRawAsync();
        // Earlier tests on this node closed their clients; their sessions end in the background.
        await Poll.UntilAsync(async () => await ClientCountAsync(observer) == 1, "only the observer is connected", TimeSpan.FromSeconds(30),
            () => observer.CommandAsync("CLIENT", "LIST"));
        var baselineShards = await ShardClientCountsAsync();
        var (pipeline, _) = PipelineRun.Build(prefix, seed: 7, count: 5000);
        var blockedKey = Node.KeyOnShard(prefix + ":blocked", 0);

        for (var i = 0; i < ClientsPerKind; i++)
        {
            await AbandonAsync(pipeline, reset: i % 2 == 0);
            await AbandonAsync(pipeline.AsMemory(0, 5000 + i).ToArray(), reset: i % 2 == 1);
            await AbandonBlockedAsync(observer, blockedKey, reset: i % 2 == 0);
        }

        await Poll.UntilAsync(async () => await ClientCountAsync(observer) == 1, "the endpoint is back to the observer alone",
            TimeSpan.FromSeconds(30), () => observer.CommandAsync("CLIENT", "LIST"));
        // The proxy may keep a few idle dedicated connections per shard (MaxIdleDedicatedPerShard) and open a
        // multiplexed one per RESP version; anything beyond that is a leak.
        var allowed = new Spinel.Proxy.ProxyOptions().MaxIdleDedicatedPerShard + 2;
        await Poll.UntilAsync(async () => (await ShardClientCountsAsync()).Zip(baselineShards).All(p => p.First <= p.Second + allowed),
            $"every shard is back to at most {allowed} connections above its baseline", TimeSpan.FromSeconds(30),
            async () => $"{string.Join(",", await ShardClientCountsAsync())} (baseline {string.Join(",", baselineShards)})");
        await Poll.UntilAsync(async () => await BlockedOnShardAsync(0) == 0, "no BLPOP of a gone client is still blocked on the shard",
            TimeSpan.FromSeconds(30));
        var (check, expected) = PipelineRun.Build(prefix + ":after", seed: 8, count: 2000);
        await using var client = await Node.ConnectRawAsync();
        PipelineRun.AssertReplies(expected, await PipelineRun.RunAsync(client.Socket, check, expected.Count));
    }

    private async Task AbandonAsync(byte[] bytes, bool reset)
    {
        var client = await Node.ConnectRawAsync();
        await client.SendAsync(bytes);
        await CloseAsync(client, reset);
    }

    private async Task AbandonBlockedAsync(RawRespClient observer, string key, bool reset)
    {
        var client = await Node.ConnectRawAsync();
        var id = (await client.CommandAsync("CLIENT", "ID"))[1..];
        await client.SendAsync(RespWriter.EncodeCommand("BLPOP", key, "0"));
        await Poll.UntilAsync(async () => (await observer.CommandAsync("CLIENT", "LIST", "ID", id)).Contains("flags=b"),
            $"client {id} is blocked");
        await CloseAsync(client, reset);
    }

    private static async Task CloseAsync(RawRespClient client, bool reset)
    {
        if (reset)
        {
            client.Socket.LingerState = new LingerOption(true, 0);
        }
        await client.DisposeAsync();
    }

    private static async Task<int> ClientCountAsync(RawRespClient observer) =>
        (await observer.CommandAsync("CLIENT", "LIST")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private Task<long> BlockedOnShardAsync(int index) => Poll.ShardInfoAsync(Node, index, "blocked_clients");

    private async Task<List<long>> ShardClientCountsAsync()
    {
        var counts = new List<long>();
        for (var i = 0; i < Node.Shards.Count; i++)
        {
            counts.Add(await Poll.ShardInfoAsync(Node, i, "connected_clients"));
        }
        return counts;
    }
}
