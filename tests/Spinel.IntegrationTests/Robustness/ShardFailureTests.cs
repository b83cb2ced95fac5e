using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.NodeAgent;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ShardFailureTests(ShardFailureTests.KillableNode fixture) : IClassFixture<ShardFailureTests.KillableNode>
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(10);

    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task KillShard_InFlightRequestsFailOthersServeAndTheRestartedShardServesAgain()
    {
        var prefix = $"kill-{Guid.NewGuid():N}";
        var victim = Node.KeyOnShard(prefix, 0);
        var survivors = new[] { Node.KeyOnShard(prefix, 1), Node.KeyOnShard(prefix, 2) };
        await using var client = await Node.ConnectRawAsync();
        foreach (var key in survivors.Prepend(victim))
        {
            Assert.Equal("+OK", await client.CommandAsync("SET", key, "before-" + key));
        }
        await using var blocked = await Node.ConnectRawAsync();
        var blockedId = (await blocked.CommandAsync("CLIENT", "ID"))[1..];
        await blocked.SendAsync(RespWriter.EncodeCommand("BLPOP", Node.KeyOnShard(prefix + ":list", 0), "0"));
        await Poll.UntilAsync(async () => (await client.CommandAsync("CLIENT", "LIST", "ID", blockedId)).Contains("flags=b"), "the client is blocked");
        using var stop = new CancellationTokenSource();
        var hammer = HammerAsync(victim, stop.Token);
        var before = ShardStatus(0);

        using (var process = Process.GetProcessById(before.Pid!.Value))
        {
            process.Kill();
        }

        Assert.StartsWith("-ERR", await blocked.ReadAsync(NoHang));
        foreach (var key in survivors)
        {
            Assert.Equal("before-" + key, await client.CommandAsync("GET", key));
        }
        await Poll.UntilAsync(() => Task.FromResult(ShardStatus(0) is { State: ShardState.Running } now && now.Pid != before.Pid),
            "the node agent restarted the shard", TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(async () => await client.CommandAsync("SET", victim, "after") == "+OK", "the endpoint serves the restarted shard's slots");
        Assert.Equal("after", await client.CommandAsync("GET", victim));
        await stop.CancelAsync();
        var (_, successes) = await hammer;
        Assert.True(successes > 0, "the pipelining client never got an answer");
        Assert.Equal("+PONG", await blocked.CommandAsync("PING"));
    }

    // Keeps requests to the victim's shard in flight until stopped; each batch must be fully answered, each reply a
    // value or an error, never a hang. Returns how many errors and values came back.
    private async Task<(int Errors, int Successes)> HammerAsync(string key, CancellationToken stop)
    {
        await using var client = await Node.ConnectRawAsync();
        var batch = Enumerable.Range(0, 100).SelectMany(_ => RespWriter.EncodeCommand("GET", key)).ToArray();
        int errors = 0, successes = 0;
        while (!stop.IsCancellationRequested)
        {
            var replies = await PipelineRun.RunAsync(client.Socket, batch, 100, timeout: NoHang);
            foreach (var reply in replies)
            {
                if (reply.StartsWith("-ERR", StringComparison.Ordinal))
                {
                    errors++;
                }
                else
                {
                    Assert.Contains(reply, new[] { "before-" + key, "after", "(nil)" });
                    successes++;
                }
            }
        }
        return (errors, successes);
    }

    private ShardStatus ShardStatus(int index) =>
        Node.Services.GetRequiredService<IShardStatusProvider>().GetStatuses().Single(s => s.ShardUid == Node.Shards[index].Uid);

    public sealed class KillableNode : ConfiguredNode
    {
        protected override Task<SpinelTestNode> StartNodeAsync() => SpinelTestNode.StartAsync(shards: 3);
    }
}
