using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Spinel.NodeAgent.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests.Supervision;

[Trait("Category", "Integration")]
public class ShardSupervisorFailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PortTakenByAnotherListener_ShardFailsNamingThePortAndRetriesOnlyWithBackoff()
    {
        var squatter = TestPorts.ListenOnFree(out var port);
        try
        {
            // Fake time: every relaunch after the first immediate one must wait for time that only the test moves.
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, port)), time, o =>
            {
                o.RestartDelay = TimeSpan.FromSeconds(10);
                o.MaxRestartDelay = TimeSpan.FromSeconds(60);
            });
            await context.StartAsync();

            var failed = await context.WaitForAsync(1, s => s is { State: ShardState.Failed, Restarts: 1 }, "Failed after the immediate retry");
            Assert.Contains(port.ToString(), failed!.LastError, StringComparison.Ordinal);
            Assert.Contains("in use", failed.LastError, StringComparison.Ordinal);
            Assert.Equal(1, failed.LastExitCode);
            Assert.Null(failed.Pid);

            // Time stands still, so any launch now would be a busy loop.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.Equal(failed, context.Status(1));

            time.Advance(TimeSpan.FromSeconds(10));
            await context.WaitForAsync(1, s => s is { State: ShardState.Failed, Restarts: 2 }, "one more attempt after the backoff");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.Equal(2, context.Status(1)!.Restarts);

            squatter.Stop();
            time.Advance(TimeSpan.FromSeconds(20));
            // The start probe polls on the provider's clock too, so keep it moving.
            var running = await Eventually.ValueAsync(
                () =>
                {
                    time.Advance(TimeSpan.FromMilliseconds(10));
                    return context.Status(1);
                },
                s => s is { State: ShardState.Running },
                "Running once the port is free");
            Assert.Null(running!.LastError);
            Assert.Equal(3, running.Restarts);
            Assert.Equal(["PONG"], await RedisCli.RunAsync(port, "PING"));
        }
        finally
        {
            squatter.Stop();
        }
    }

    [Fact]
    public async Task PortTakenByAnotherRedisServer_ShardFailsInsteadOfAdoptingIt()
    {
        var port = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, port)), new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var stranger = OwnedProcess.Start("redis-server", context.DataDir, "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "");
        await Eventually.UntilAsync(async () => await RedisCli.TryRunAsync(port, "PING") == "PONG", "the stranger redis-server to answer");

        await context.StartAsync();

        // The stranger answers PING, but it is not our process: the shard must not be reported Running.
        var failed = await context.WaitForAsync(1, s => s is { State: ShardState.Failed, Restarts: 1 }, "Failed after the immediate retry");
        Assert.Contains($"port {port}", failed!.LastError, StringComparison.Ordinal);
        Assert.Equal(stranger.Id.ToString(), (await RedisCli.InfoAsync(port, "server"))["process_id"]);
    }

    [Fact]
    public async Task ReplicaWhoseMasterIsMissing_FailsWithoutStartingAProcess()
    {
        var port = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Replica(2, port, masterUid: 9)));
        await context.StartAsync();

        var failed = await context.WaitForAsync(2, s => s.State == ShardState.Failed, "Failed");

        Assert.Contains("master shard 9", failed!.LastError, StringComparison.Ordinal);
        Assert.Null(failed.Pid);
        Assert.Null(await RedisCli.TryRunAsync(port, "PING"));
    }
}
