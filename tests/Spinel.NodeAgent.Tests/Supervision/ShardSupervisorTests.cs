using System.Diagnostics;
using Spinel.Model;
using Spinel.NodeAgent.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests.Supervision;

[Trait("Category", "Integration")]
public class ShardSupervisorTests(ITestOutputHelper output)
{
    private const long Mb = 1024 * 1024;

    [Fact]
    public async Task StartAsync_TwoShardsOnThisNode_BothAnswerPingWithTheirMaxMemory()
    {
        int p1 = TestPorts.NextFree(), p2 = TestPorts.NextFree(), elsewhere = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(
            1,
            TestTopology.Shard(1, p1, 100 * Mb),
            TestTopology.Shard(2, p2, 200 * Mb),
            TestTopology.Shard(3, elsewhere, nodeUid: 2)));

        await context.StartAsync();
        var s1 = await context.WaitForRunningAsync(1);
        var s2 = await context.WaitForRunningAsync(2);

        Assert.Equal([1, 2], context.Supervisor.GetStatuses().Select(s => s.ShardUid));
        Assert.Equal(["PONG"], await RedisCli.RunAsync(p1, "PING"));
        Assert.Equal(["PONG"], await RedisCli.RunAsync(p2, "PING"));
        Assert.Equal((100 * Mb).ToString(), await RedisCli.ConfigGetAsync(p1, "maxmemory"));
        Assert.Equal((200 * Mb).ToString(), await RedisCli.ConfigGetAsync(p2, "maxmemory"));
        Assert.Equal(s1.Pid.ToString(), (await RedisCli.InfoAsync(p1, "server"))["process_id"]);
        Assert.Equal(s2.Pid.ToString(), (await RedisCli.InfoAsync(p2, "server"))["process_id"]);
        Assert.Equal((0, p1), (s1.Restarts, s1.Port));
        Assert.True(File.Exists(Path.Combine(context.ShardDirectory(1), "redis.conf")));
        Assert.Equal(s1.Pid.ToString(), File.ReadAllText(Path.Combine(context.ShardDirectory(1), "redis.pid")).Trim());
        Assert.Null(await RedisCli.TryRunAsync(elsewhere, "PING"));
    }

    [Fact]
    public async Task KilledShard_IsRestartedWithANewPidAndAnswersAgain()
    {
        var port = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, port, 64 * Mb)));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);

        using (var victim = Process.GetProcessById(before.Pid!.Value))
        {
            victim.Kill(); // SIGKILL, as kill -9
        }

        var after = await context.WaitForAsync(1, s => s is { State: ShardState.Running } && s.Pid != before.Pid, "Running with a new pid");
        Assert.Equal((1, false, ShardRole.Master), (after!.Restarts, after.AwaitingDecision, after.Role));
        Assert.Equal(137, after.LastExitCode);
        Assert.False(Pids.IsRunning(before.Pid.Value));
        Assert.Equal(["PONG"], await RedisCli.RunAsync(port, "PING"));
        Assert.Equal(after.Pid.ToString(), (await RedisCli.InfoAsync(port, "server"))["process_id"]);
        Assert.Equal((64 * Mb).ToString(), await RedisCli.ConfigGetAsync(port, "maxmemory"));
    }

    [Fact]
    public async Task Dispose_WithoutStop_KillsShardsAndDoesNotRestartThem()
    {
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, TestPorts.NextFree())));
        await context.StartAsync();
        var running = await context.WaitForRunningAsync(1);

        context.Supervisor.Dispose();

        await Eventually.UntilAsync(() => !Pids.IsRunning(running.Pid!.Value), "the shard to be killed");
        // A supervising loop still alive would relaunch the shard at once; give it the chance to.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Empty(Pids.RunningUnder(context.DataDir));
    }

    [Fact]
    public async Task TopologyUpdate_ShardRemoved_ItsProcessIsGoneAndTheOtherKeepsRunning()
    {
        int p1 = TestPorts.NextFree(), p2 = TestPorts.NextFree();
        var shard1 = TestTopology.Shard(1, p1);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, shard1, TestTopology.Shard(2, p2)));
        await context.StartAsync();
        var kept = await context.WaitForRunningAsync(1);
        var removed = await context.WaitForRunningAsync(2);

        context.Topology.Update(TestTopology.Snapshot(2, shard1));

        await Eventually.UntilAsync(() => !Pids.IsRunning(removed.Pid!.Value), "the removed shard's redis-server to exit");
        await Eventually.UntilAsync(() => context.Status(2) is null, "shard 2 to leave the statuses");
        Assert.Equal((ShardState.Running, kept.Pid, 0), (context.Status(1)!.State, context.Status(1)!.Pid, context.Status(1)!.Restarts));
        Assert.Null(await RedisCli.TryRunAsync(p2, "PING"));
        Assert.False(File.Exists(Path.Combine(context.ShardDirectory(2), "redis.pid")));
        // Removed for good: were it assigned here again, it would be a new shard with nothing to protect.
        Assert.False(File.Exists(Path.Combine(context.ShardDirectory(2), "launched")));
        Assert.True(File.Exists(Path.Combine(context.ShardDirectory(1), "launched")));
    }

    [Fact]
    public async Task TopologyUpdate_MaxMemoryAndPolicyChanged_AppliedWithoutRestart()
    {
        var port = TestPorts.NextFree();
        var shard = TestTopology.Shard(1, port, 100 * Mb);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, shard));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);

        context.Topology.Update(TestTopology.Snapshot(2, shard with { MaxMemoryBytes = 300 * Mb, EvictionPolicy = "allkeys-lru" }));

        await Eventually.UntilAsync(
            async () => await RedisCli.ConfigGetAsync(port, "maxmemory") == (300 * Mb).ToString(),
            "maxmemory to become 300 MB");
        Assert.Equal("allkeys-lru", await RedisCli.ConfigGetAsync(port, "maxmemory-policy"));
        Assert.Equal((ShardState.Running, before.Pid, 0), (context.Status(1)!.State, context.Status(1)!.Pid, context.Status(1)!.Restarts));
        var config = await File.ReadAllTextAsync(Path.Combine(context.ShardDirectory(1), "redis.conf"));
        Assert.Contains($"maxmemory {300 * Mb}\n", config, StringComparison.Ordinal);
        Assert.Contains("maxmemory-policy allkeys-lru\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersistentShard_KilledWithMinus9_ComesBackWithItsAcknowledgedWrites()
    {
        var port = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, port) with { AppendFsync = "always" }));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);
        Assert.Equal("yes", await RedisCli.ConfigGetAsync(port, "appendonly"));
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(["OK"], await RedisCli.RunAsync(port, "SET", $"k{i}", $"v{i}"));
        }

        using (var victim = Process.GetProcessById(before.Pid!.Value))
        {
            victim.Kill();
        }

        await context.WaitForAsync(1, s => s is { State: ShardState.Running } && s.Pid != before.Pid, "Running with a new pid");
        Assert.Equal(["50"], await RedisCli.RunAsync(port, "DBSIZE"));
        Assert.Equal(["v49"], await RedisCli.RunAsync(port, "GET", "k49"));
    }

    [Fact]
    public async Task TopologyUpdate_PersistenceChanged_AppliedWithoutRestart()
    {
        var port = TestPorts.NextFree();
        var shard = TestTopology.Shard(1, port);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, shard));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);
        Assert.Equal("no", await RedisCli.ConfigGetAsync(port, "appendonly"));

        context.Topology.Update(TestTopology.Snapshot(2, shard with { AppendFsync = "always" }));
        await Eventually.UntilAsync(async () => await RedisCli.ConfigGetAsync(port, "appendonly") == "yes", "appendonly to be turned on");
        Assert.Equal("always", await RedisCli.ConfigGetAsync(port, "appendfsync"));

        context.Topology.Update(TestTopology.Snapshot(3, shard with { SaveRules = "3600 1" }));
        await Eventually.UntilAsync(async () => await RedisCli.ConfigGetAsync(port, "appendonly") == "no", "appendonly to be turned off");
        Assert.Equal("3600 1", await RedisCli.ConfigGetAsync(port, "save"));
        Assert.Equal((before.Pid, 0), (context.Status(1)!.Pid, context.Status(1)!.Restarts));
    }

    [Fact]
    public async Task TopologyUpdate_PortChanged_RestartsOnTheNewPort()
    {
        int oldPort = TestPorts.NextFree(), newPort = TestPorts.NextFree();
        var shard = TestTopology.Shard(1, oldPort);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, shard));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);

        context.Topology.Update(TestTopology.Snapshot(2, shard with { Port = newPort }));

        var after = await context.WaitForAsync(1, s => s is { State: ShardState.Running, Port: var p } && p == newPort, "Running on the new port");
        Assert.NotEqual(before.Pid, after!.Pid);
        Assert.False(Pids.IsRunning(before.Pid!.Value));
        Assert.Equal(["PONG"], await RedisCli.RunAsync(newPort, "PING"));
        Assert.Null(await RedisCli.TryRunAsync(oldPort, "PING"));
    }

    [Fact]
    public async Task Replica_FollowsItsMasterAndIsPromotedInPlace()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        var master = TestTopology.Shard(1, masterPort);
        var replica = TestTopology.Replica(2, replicaPort, masterUid: 1);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, master, replica));
        await context.StartAsync();
        await context.WaitForRunningAsync(1);
        var before = await context.WaitForRunningAsync(2);
        await RedisCli.RunAsync(masterPort, "SET", "greeting", "hello");
        await Eventually.UntilAsync(
            async () => await RedisCli.TryRunAsync(replicaPort, "GET", "greeting") == "hello",
            "the replica to receive the key");
        Assert.Equal("slave", (await RedisCli.InfoAsync(replicaPort, "replication"))["role"]);
        await context.WaitForAsync(2, s => s is { Role: ShardRole.Replica, MasterLinkUp: true }, "reported a replica with its link up");

        context.Topology.Update(TestTopology.Snapshot(2, master, replica with { Role = ShardRole.Master, ReplicaOf = null }));

        await Eventually.UntilAsync(
            async () => (await RedisCli.InfoAsync(replicaPort, "replication"))["role"] == "master",
            "the replica to become a master");
        var promoted = await context.WaitForAsync(2, s => s.Role == ShardRole.Master, "reported a master");
        Assert.Equal((before.Pid, ShardState.Running, (bool?)null), (promoted!.Pid, promoted.State, promoted.MasterLinkUp));
        Assert.Equal(["hello"], await RedisCli.RunAsync(replicaPort, "GET", "greeting"));
        Assert.DoesNotContain("replicaof", await File.ReadAllTextAsync(Path.Combine(context.ShardDirectory(2), "redis.conf")), StringComparison.Ordinal);
    }
}
