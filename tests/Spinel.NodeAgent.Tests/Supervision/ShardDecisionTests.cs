using System.Diagnostics;
using Spinel.Model;
using Spinel.NodeAgent.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests.Supervision;

/// <summary>A master with a replica is never relaunched empty on the agent's own: the topology decides.</summary>
[Trait("Category", "Integration")]
public class ShardDecisionTests(ITestOutputHelper output)
{
    // Long enough for a relaunch (RestartDelay is 100 ms in tests) to have shown.
    private static readonly TimeSpan NoRelaunchWindow = TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task KilledMasterWithReplica_AwaitsDecision_ThenRejoinsAsReplicaOfThePromotedShard()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        var master = TestTopology.Shard(1, masterPort);
        var replica = TestTopology.Replica(2, replicaPort, masterUid: 1);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, master, replica));
        await context.StartAsync();
        var killed = await context.WaitForRunningAsync(1);
        await context.WaitForAsync(2, s => s.MasterLinkUp == true, "replica linked");
        await RedisCli.RunAsync(masterPort, "SET", "before", "failover");
        await Eventually.UntilAsync(async () => await RedisCli.TryRunAsync(replicaPort, "GET", "before") == "failover", "the key to reach the replica");

        Kill(killed.Pid!.Value);

        var waiting = await context.WaitForAsync(1, s => s.AwaitingDecision, "awaiting a decision");
        await Task.Delay(NoRelaunchWindow);
        var still = context.Status(1)!;
        Assert.Equal((ShardState.Crashed, null, 0, 137, 0L), (still.State, still.Pid, still.Restarts, still.LastExitCode, still.Generation));
        Assert.True(still.AwaitingDecision);
        Assert.Null(still.Role);
        Assert.Null(await RedisCli.TryRunAsync(masterPort, "PING"));
        Assert.Equal(waiting!.State, still.State);

        // The control plane fails over: the replica becomes the master, the old master its replica.
        context.Topology.Update(TestTopology.Snapshot(2, master with { Role = ShardRole.Replica, ReplicaOf = 2 }, replica with { Role = ShardRole.Master, ReplicaOf = null }));

        var rejoined = await context.WaitForAsync(1, s => s is { State: ShardState.Running, Role: ShardRole.Replica, MasterLinkUp: true }, "a linked replica");
        Assert.Equal((1, false), (rejoined!.Restarts, rejoined.AwaitingDecision));
        var promoted = await context.WaitForAsync(2, s => s.Role == ShardRole.Master, "the new master");
        Assert.Equal(["failover"], await RedisCli.RunAsync(replicaPort, "GET", "before"));
        await RedisCli.RunAsync(replicaPort, "SET", "after", "failover");
        await Eventually.UntilAsync(async () => await RedisCli.TryRunAsync(masterPort, "GET", "before") == "failover", "the old key to reach the rejoined shard");
        await Eventually.UntilAsync(async () => await RedisCli.TryRunAsync(masterPort, "GET", "after") == "failover", "the new key to reach the rejoined shard");
        Assert.Equal(0, promoted!.Restarts);
    }

    [Fact]
    public async Task ADecisionAfterRepeatedCrashes_StartsTheShardAtOnce_NotAfterTheCrashBackoff()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        var master = TestTopology.Shard(1, masterPort);
        var replica = TestTopology.Replica(2, replicaPort, masterUid: 1);
        // A second crash in a row would wait 20 s by the backoff.
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, master, replica),
            configure: o => (o.RestartDelay, o.MaxRestartDelay) = (TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60)));
        await context.StartAsync();
        Kill((await context.WaitForRunningAsync(1)).Pid!.Value);
        await context.WaitForAsync(1, s => s.AwaitingDecision, "awaiting the first decision");
        context.Topology.Update(TestTopology.Snapshot(2, master with { Role = ShardRole.Replica, ReplicaOf = 2 }, replica with { Role = ShardRole.Master, ReplicaOf = null }));
        await context.WaitForAsync(1, s => s is { State: ShardState.Running, Role: ShardRole.Replica }, "the first rejoin");
        // Failed back over to shard 1, which then dies again at once.
        context.Topology.Update(TestTopology.Snapshot(3, master, replica));
        var remastered = await context.WaitForAsync(1, s => s is { State: ShardState.Running, Role: ShardRole.Master }, "shard 1 master again");
        Kill(remastered!.Pid!.Value);
        await context.WaitForAsync(1, s => s.AwaitingDecision, "awaiting the second decision");

        var decided = Stopwatch.StartNew();
        context.Topology.Update(TestTopology.Snapshot(4, master with { Role = ShardRole.Replica, ReplicaOf = 2 }, replica with { Role = ShardRole.Master, ReplicaOf = null }));
        await context.WaitForAsync(1, s => s is { State: ShardState.Running, Role: ShardRole.Replica }, "the second rejoin");

        Assert.True(decided.Elapsed < TimeSpan.FromSeconds(10), $"the shard came back {decided.Elapsed} after the decision");
    }

    [Fact]
    public async Task KilledMasterWithReplica_GenerationRaised_StartsAgainAsMaster()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        var master = TestTopology.Shard(1, masterPort);
        var replica = TestTopology.Replica(2, replicaPort, masterUid: 1);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, master, replica));
        await context.StartAsync();
        var killed = await context.WaitForRunningAsync(1);
        await context.WaitForRunningAsync(2);

        Kill(killed.Pid!.Value);
        await context.WaitForAsync(1, s => s.AwaitingDecision, "awaiting a decision");
        // A new snapshot that leaves the generation alone is no decision.
        context.Topology.Update(TestTopology.Snapshot(2, master with { MaxMemoryBytes = 1 << 30 }, replica));
        await Task.Delay(NoRelaunchWindow);
        Assert.Equal((true, null), (context.Status(1)!.AwaitingDecision, context.Status(1)!.Pid));

        context.Topology.Update(TestTopology.Snapshot(3, master with { Generation = 1 }, replica));

        var restarted = await context.WaitForAsync(1, s => s is { State: ShardState.Running, Role: ShardRole.Master }, "Running as master again");
        Assert.Equal((false, 1L, 1), (restarted!.AwaitingDecision, restarted.Generation, restarted.Restarts));
        Assert.NotEqual(killed.Pid, restarted.Pid);
        Assert.Equal("1", File.ReadAllText(Path.Combine(context.ShardDirectory(1), "launched")).Trim());
    }

    [Fact]
    public async Task FreshSupervisor_ShardsThatRanBefore_OnlyTheMasterWithAReplicaAwaitsDecision()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree(), lonePort = TestPorts.NextFree();
        var snapshot = TestTopology.Snapshot(1, TestTopology.Shard(1, masterPort), TestTopology.Replica(2, replicaPort, masterUid: 1), TestTopology.Shard(3, lonePort));
        await using var context = new NodeAgentTestContext(output, snapshot);
        await context.StartAsync();
        await context.WaitForRunningAsync(1);
        await context.WaitForRunningAsync(2);
        await context.WaitForRunningAsync(3);

        // The node process restarts: its shards were stopped with it and their data is gone.
        await context.RestartSupervisorAsync();

        await context.WaitForAsync(3, s => s is { State: ShardState.Running, Role: ShardRole.Master }, "the master without replica Running");
        await context.WaitForAsync(2, s => s is { State: ShardState.Running, Role: ShardRole.Replica }, "the replica Running");
        var waiting = await context.WaitForAsync(1, s => s.AwaitingDecision, "awaiting a decision");
        await Task.Delay(NoRelaunchWindow);
        Assert.Equal((ShardState.Stopped, null, 0), (context.Status(1)!.State, context.Status(1)!.Pid, context.Status(1)!.Restarts));
        Assert.Equal(ShardState.Stopped, waiting!.State);
        Assert.Null(await RedisCli.TryRunAsync(masterPort, "PING"));
    }

    [Fact]
    public async Task NewShardWithAReplica_StartsAtOnce()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, masterPort), TestTopology.Replica(2, replicaPort, masterUid: 1)));

        await context.StartAsync();

        var running = await context.WaitForRunningAsync(1);
        Assert.False(running.AwaitingDecision);
        Assert.Equal("0", File.ReadAllText(Path.Combine(context.ShardDirectory(1), "launched")).Trim());
    }

    [Fact]
    public async Task GenerationRaisedOnARunningShard_NeitherRestartsNorReconfiguresIt()
    {
        var port = TestPorts.NextFree();
        var shard = TestTopology.Shard(1, port);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, shard, TestTopology.Replica(2, TestPorts.NextFree(), masterUid: 1)));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);
        await RedisCli.RunAsync(port, "SET", "kept", "yes");

        context.Topology.Update(TestTopology.Snapshot(2, shard with { Generation = 5 }, TestTopology.Replica(2, context.Status(2)!.Port, masterUid: 1)));

        var after = await context.WaitForAsync(1, s => s.Generation == 5, "generation 5 reported");
        Assert.Equal((before.Pid, 0, ShardState.Running), (after!.Pid, after.Restarts, after.State));
        Assert.Equal(["yes"], await RedisCli.RunAsync(port, "GET", "kept"));
        Assert.Equal("5", File.ReadAllText(Path.Combine(context.ShardDirectory(1), "launched")).Trim());
    }

    [Fact]
    public async Task MasterWithReplicaThatRefusesNewSettings_IsStoppedAndAwaitsDecision()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        var master = TestTopology.Shard(1, masterPort);
        var replica = TestTopology.Replica(2, replicaPort, masterUid: 1);
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, master, replica));
        await context.StartAsync();
        var before = await context.WaitForRunningAsync(1);
        await context.WaitForRunningAsync(2);

        context.Topology.Update(TestTopology.Snapshot(2, master with { EvictionPolicy = "no-such-policy" }, replica));

        // Applying fails, so the process is stopped; relaunching it would be as empty as after a crash.
        var waiting = await context.WaitForAsync(1, s => s.AwaitingDecision, "awaiting a decision");
        Assert.Equal((ShardState.Stopped, null), (waiting!.State, waiting.Pid));
        Assert.Contains("maxmemory-policy", waiting.LastError, StringComparison.Ordinal);
        Assert.False(Pids.IsRunning(before.Pid!.Value));
        await Task.Delay(NoRelaunchWindow);
        Assert.Equal(0, context.Status(1)!.Restarts);
    }

    private static void Kill(int pid)
    {
        using var victim = Process.GetProcessById(pid);
        victim.Kill(); // SIGKILL, as kill -9
    }
}
