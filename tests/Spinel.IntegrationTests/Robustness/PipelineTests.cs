using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PipelineTests(RobustnessCollection.DefaultNode fixture)
{
    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task Pipeline_TenThousandMixedCommandsInOneWrite_RepliesInOrderWithModelValues()
    {
        var (bytes, expected) = PipelineRun.Build(Prefix(), seed: 1, count: 10_000);
        await using var client = await Node.ConnectRawAsync();

        var replies = await PipelineRun.RunAsync(client.Socket, bytes, expected.Count);

        PipelineRun.AssertReplies(expected, replies);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Pipeline_TenThousandMixedCommandsInRandomChunks_RepliesInOrderWithModelValues(int seed)
    {
        var (bytes, expected) = PipelineRun.Build(Prefix(), seed, count: 10_000);
        await using var client = await Node.ConnectRawAsync();

        var replies = await PipelineRun.RunAsync(client.Socket, bytes, expected.Count, chunkSeed: seed);

        PipelineRun.AssertReplies(expected, replies);
    }

    [Fact]
    public async Task Pipeline_SeveralClientsAtOnce_EachGetsItsRepliesInOrder()
    {
        var runs = Enumerable.Range(0, 6).Select(async i =>
        {
            var (bytes, expected) = PipelineRun.Build(Prefix() + i, seed: 100 + i, count: 3000);
            await using var client = await Node.ConnectRawAsync();
            var replies = await PipelineRun.RunAsync(client.Socket, bytes, expected.Count, chunkSeed: i % 2 == 0 ? null : i);
            PipelineRun.AssertReplies(expected, replies, $"client {i}: ");
        });

        await Task.WhenAll(runs);
    }

    [Fact]
    public async Task Pipeline_InlineAndMultibulkMixed_RepliesInOrder()
    {
        var key = Prefix();
        await using var client = await Node.ConnectRawAsync();
        var text = $"SET {key} \"a b\"\r\n*2\r\n$3\r\nGET\r\n${key.Length}\r\n{key}\r\n\r\nAPPEND {key} '\\'c'\n*0\r\nGET {key}\r\nPING\r\n";

        var replies = await PipelineRun.RunAsync(client.Socket, System.Text.Encoding.ASCII.GetBytes(text), 5, chunkSeed: 9);

        Assert.Equal(["+OK", "a b", ":5", "a b'c", "+PONG"], replies);
    }

    private static string Prefix() => "pipe-" + Guid.NewGuid().ToString("N")[..8];
}
