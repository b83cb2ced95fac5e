using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PipelineDepthTests(PipelineDepthTests.ShallowPipelineNode fixture) : IClassFixture<PipelineDepthTests.ShallowPipelineNode>
{
    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task Pipeline_FarDeeperThanMaxPipelineDepth_AllRepliesArriveInOrder()
    {
        var runs = Enumerable.Range(0, 2).Select(async i =>
        {
            var (bytes, expected) = PipelineRun.Build($"depth-{Guid.NewGuid():N}", seed: 400 + i, count: 10_000);
            await using var client = await Node.ConnectRawAsync();
            var replies = await PipelineRun.RunAsync(client.Socket, bytes, expected.Count, chunkSeed: i == 0 ? null : i);
            PipelineRun.AssertReplies(expected, replies, $"client {i}: ");
        });

        await Task.WhenAll(runs);
    }

    [Fact]
    public async Task Pipeline_ClientNotReading_ProxyHoldsAtMostMaxPipelineDepthRequests()
    {
        const int Gets = 500;
        var key = $"depth-big-{Guid.NewGuid():N}";
        var value = new string('v', 50_000);
        await using var observer = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await observer.CommandAsync("SET", key, value));
        await using var client = await Node.ConnectRawAsync();
        var id = (await client.CommandAsync("CLIENT", "ID"))[1..];
        var bytes = Enumerable.Range(0, Gets).SelectMany(_ => RespWriter.EncodeCommand("GET", key)).ToArray();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sending = PipelineRun.SendAsync(client.Socket, bytes, chunkSeed: null, cts.Token);

        // 25 MB of replies cannot all sit in socket buffers: the proxy must stop reading this client.
        await Poll.UntilAsync(async () => OutstandingOf(await observer.CommandAsync("CLIENT", "LIST", "ID", id)) == ShallowPipelineNode.Depth,
            "the client's pipeline is full");
        for (var i = 0; i < 10; i++)
        {
            Assert.InRange(OutstandingOf(await observer.CommandAsync("CLIENT", "LIST", "ID", id)), 0, ShallowPipelineNode.Depth);
        }

        var replies = await PipelineRun.ReadRepliesAsync(client.Socket, Gets, cts.Token);
        await sending;
        Assert.All(replies, reply => Assert.Equal(value, reply));
    }

    private static int OutstandingOf(string clientList)
    {
        var field = clientList.Split(' ').Single(f => f.StartsWith("oll=", StringComparison.Ordinal));
        return int.Parse(field[4..]);
    }

    public sealed class ShallowPipelineNode : ConfiguredNode
    {
        public const int Depth = 4;

        protected override Task<SpinelTestNode> StartNodeAsync() =>
            SpinelTestNode.StartAsync(shards: 3, proxy: o => o.MaxPipelineDepth = Depth);
    }
}
