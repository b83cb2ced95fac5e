using Spinel.Model;
using Spinel.NodeAgent.Configuration;
using Spinel.NodeAgent.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests.Supervision;

[Trait("Category", "Integration")]
public class OrphanReaperTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_OrphansInTheDataDir_AreKilledBeforeShardsStart()
    {
        int reusedPort = TestPorts.NextFree(), droppedPort = TestPorts.NextFree();
        var reused = TestTopology.Shard(7, reusedPort);
        var dropped = TestTopology.Shard(8, droppedPort);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, reused));
        using var orphanOfReused = await StartOrphanAsync(context, reused);
        using var orphanOfDropped = await StartOrphanAsync(context, dropped);
        using var bystander = StartBystander(context, shardUid: 9);

        await context.StartAsync();

        // Shard 7 can only run on its port once the orphan holding it is gone.
        var running = await context.WaitForRunningAsync(7);
        Assert.NotEqual(orphanOfReused.Id, running.Pid);
        Assert.Equal(0, running.Restarts);
        await Eventually.UntilAsync(() => !Pids.IsRunning(orphanOfReused.Id), "the orphan of shard 7 to exit");
        await Eventually.UntilAsync(() => !Pids.IsRunning(orphanOfDropped.Id), "the orphan of shard 8 to exit");
        Assert.Null(await RedisCli.TryRunAsync(droppedPort, "PING"));
        Assert.True(Pids.IsRunning(bystander.Id), "a process that is not a redis-server must be left alone");
        Assert.Equal(running.Pid.ToString(), (await RedisCli.InfoAsync(reusedPort, "server"))["process_id"]);
    }

    // Starts redis-server for a shard the way a previous run of the agent would have, then forgets it.
    private static async Task<OwnedProcess> StartOrphanAsync(NodeAgentTestContext context, ShardConfig shard)
    {
        var directory = context.ShardDirectory(shard.Uid);
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "redis.conf");
        await File.WriteAllTextAsync(config, RedisConfigBuilder.Build(shard, TestTopology.Snapshot(1, shard), directory));
        var process = OwnedProcess.Start("redis-server", directory, config);
        var pidFile = Path.Combine(directory, "redis.pid");
        await Eventually.UntilAsync(
            async () => File.Exists(pidFile) && await RedisCli.TryRunAsync(shard.Port, "PING") == "PONG",
            $"orphan redis-server of shard {shard.Uid} to answer");
        Assert.Equal(process.Id.ToString(), File.ReadAllText(pidFile).Trim());
        return process;
    }

    // A live process that is not a redis-server, named by a pid file in the data dir.
    private static OwnedProcess StartBystander(NodeAgentTestContext context, int shardUid)
    {
        var directory = context.ShardDirectory(shardUid);
        Directory.CreateDirectory(directory);
        var process = OwnedProcess.Start("sleep", directory, "120");
        File.WriteAllText(Path.Combine(directory, "redis.pid"), process.Id + "\n");
        return process;
    }
}
