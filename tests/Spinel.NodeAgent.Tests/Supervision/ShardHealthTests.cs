using Microsoft.Extensions.Primitives;
using Spinel.Model;
using Spinel.NodeAgent.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests.Supervision;

/// <summary>Health checks (INFO replication) and what they report: role, link, offset, unresponsiveness, change tokens.</summary>
[Trait("Category", "Integration")]
public class ShardHealthTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SuspendedShard_BecomesUnresponsiveWithoutBeingKilled_AndRunningOnceResumed()
    {
        var port = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, port)));
        await context.StartAsync();
        var running = await context.WaitForRunningAsync(1);
        var pid = running.Pid!.Value;
        try
        {
            Pids.Suspend(pid);

            // Three checks of 250 ms interval and 500 ms timeout take about 2.25 s.
            var hung = await context.WaitForAsync(1, s => s.State == ShardState.Unresponsive, "Unresponsive", TimeSpan.FromSeconds(6));
            Assert.Equal(pid, hung!.Pid);
            Assert.Contains("no answer", hung.LastError, StringComparison.Ordinal);
            Assert.True(hung.LastHealthyAt < DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.Equal((ShardState.Unresponsive, pid), (context.Status(1)!.State, context.Status(1)!.Pid));
            Assert.True(Pids.IsRunning(pid));

            Pids.Resume(pid);

            var back = await context.WaitForAsync(1, s => s.State == ShardState.Running, "Running again", TimeSpan.FromSeconds(3));
            Assert.Equal((pid, 0, null), (back!.Pid, back.Restarts, back.LastError));
        }
        finally
        {
            Pids.Resume(pid);
        }
    }

    [Fact]
    public async Task MasterAndReplica_ReportRoleLinkAndOffsetAsRedisDoes()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, masterPort), TestTopology.Replica(2, replicaPort, masterUid: 1)));
        await context.StartAsync();
        await context.WaitForAsync(2, s => s.MasterLinkUp == true, "replica linked");

        await RedisCli.RunAsync(masterPort, "SET", "key", new string('x', 1000));

        var master = await context.WaitForAsync(1, s => s.ReplicationOffset > 1000, "master offset past the write");
        var replica = await context.WaitForAsync(2, s => s.ReplicationOffset >= master!.ReplicationOffset, "replica caught up");
        Assert.Equal((ShardRole.Master, (bool?)null), (master!.Role, master.MasterLinkUp));
        Assert.Equal((ShardRole.Replica, (bool?)true), (replica!.Role, replica.MasterLinkUp));
        var info = await RedisCli.InfoAsync(replicaPort, "replication");
        Assert.True(long.Parse(info["slave_repl_offset"]) >= replica.ReplicationOffset);
        Assert.NotNull(replica.LastHealthyAt);
    }

    [Fact]
    public async Task RoleChanges_AreReportedWithoutWaitingForTheNextHealthCheck()
    {
        int firstPort = TestPorts.NextFree(), secondPort = TestPorts.NextFree();
        var first = TestTopology.Shard(1, firstPort);
        var second = TestTopology.Replica(2, secondPort, masterUid: 1);
        // No timed health check happens during this test: only the checks after launch and after REPLICAOF can report roles.
        await using var context = new NodeAgentTestContext(
            output, TestTopology.Snapshot(1, first, second), configure: o => o.HealthCheckInterval = TimeSpan.FromMinutes(10));
        await context.StartAsync();
        await context.WaitForAsync(1, s => s is { State: ShardState.Running, Role: ShardRole.Master }, "Running as master");
        await context.WaitForAsync(2, s => s is { State: ShardState.Running, Role: ShardRole.Replica }, "Running as replica");

        context.Topology.Update(TestTopology.Snapshot(2, first with { Role = ShardRole.Replica, ReplicaOf = 2 }, second with { Role = ShardRole.Master, ReplicaOf = null }));

        var demoted = await context.WaitForAsync(1, s => s.Role == ShardRole.Replica, "reported a replica", TimeSpan.FromSeconds(5));
        var promoted = await context.WaitForAsync(2, s => s.Role == ShardRole.Master, "reported a master", TimeSpan.FromSeconds(5));
        Assert.Equal((0, 0), (demoted!.Restarts, promoted!.Restarts));
        Assert.Equal("slave", (await RedisCli.InfoAsync(firstPort, "replication"))["role"]);
    }

    [Fact]
    public async Task ChangeToken_FiresWhenAShardIsKilled_ButNotWhenOnlyOffsetsMove()
    {
        int masterPort = TestPorts.NextFree(), replicaPort = TestPorts.NextFree();
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(1, TestTopology.Shard(1, masterPort), TestTopology.Replica(2, replicaPort, masterUid: 1)));
        await context.StartAsync();
        await context.WaitForRunningAsync(1);
        var replica = await context.WaitForAsync(2, s => s is { State: ShardState.Running, MasterLinkUp: true }, "replica linked");
        var quiet = context.Supervisor.GetChangeToken();

        for (var i = 0; i < 20; i++)
        {
            await RedisCli.RunAsync(masterPort, "SET", "key" + i, "value");
        }
        await context.WaitForAsync(2, s => s.ReplicationOffset > replica!.ReplicationOffset, "the replica's offset to move");
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.False(quiet.HasChanged, "offsets and health times alone must not fire the token");

        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = context.Supervisor.GetChangeToken().RegisterChangeCallback(static s => ((TaskCompletionSource)s!).TrySetResult(), fired);
        Pids.KillQuietly(replica!.Pid!.Value);

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(quiet.HasChanged);
    }

    [Fact]
    public async Task AppliedTopologyVersion_FollowsTheSnapshotsHandedToTheShards()
    {
        var shard = TestTopology.Shard(1, TestPorts.NextFree());
        await using var context = new NodeAgentTestContext(output, TestTopology.Snapshot(4, shard));
        Assert.Equal(0, context.Supervisor.AppliedTopologyVersion);
        await context.StartAsync();
        await Eventually.UntilAsync(() => context.Supervisor.AppliedTopologyVersion == 4, "version 4 applied");
        await context.WaitForRunningAsync(1);
        var token = context.Supervisor.GetChangeToken();

        context.Topology.Update(TestTopology.Snapshot(9, shard with { MaxMemoryBytes = 1 << 30 }));

        await Eventually.UntilAsync(() => context.Supervisor.AppliedTopologyVersion == 9, "version 9 applied");
        Assert.True(token.HasChanged);
    }
}
