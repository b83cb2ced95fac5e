using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OutputBufferLimitTests(OutputBufferLimitTests.SmallOutputBufferNode fixture) : IClassFixture<OutputBufferLimitTests.SmallOutputBufferNode>
{
    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task Pipeline_ClientNeverReadsBigReplies_IsDisconnectedAndOthersKeepWorking()
    {
        var key = $"obl-{Guid.NewGuid():N}";
        await using var observer = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await observer.CommandAsync("SET", key, new string('v', 100_000)));
        await using var greedy = await Node.ConnectRawAsync();
        var id = (await greedy.CommandAsync("CLIENT", "ID"))[1..];

        // 100 MB of replies against a 1 MiB limit; the client reads none of them.
        var bytes = Enumerable.Range(0, 1000).SelectMany(_ => RespWriter.EncodeCommand("GET", key)).ToArray();
        var sending = greedy.SendAsync(bytes);

        await Poll.UntilAsync(async () => (await observer.CommandAsync("CLIENT", "LIST", "ID", id)).Length == 0,
            "the client over its output buffer limit is disconnected", TimeSpan.FromSeconds(20));
        var (check, expected) = PipelineRun.Build(key + ":other", seed: 500, count: 3000);
        await using var other = await Node.ConnectRawAsync();
        PipelineRun.AssertReplies(expected, await PipelineRun.RunAsync(other.Socket, check, expected.Count));
        await IgnoreSocketErrorsAsync(sending);
    }

    private static async Task IgnoreSocketErrorsAsync(Task sending)
    {
        try
        {
            await sending.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or TimeoutException)
        {
            // The proxy closed the connection while the pipeline was still being sent.
        }
    }

    public sealed class SmallOutputBufferNode : ConfiguredNode
    {
        protected override Task<SpinelTestNode> StartNodeAsync() =>
            SpinelTestNode.StartAsync(shards: 3, proxy: o => o.ClientOutputBufferLimit = 1024 * 1024);
    }
}
