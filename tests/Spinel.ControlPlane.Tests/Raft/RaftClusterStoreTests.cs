using System.Diagnostics;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Infrastructure;
using Xunit.Abstractions;
using static Spinel.ControlPlane.Tests.Raft.Proposals;

namespace Spinel.ControlPlane.Tests.Raft;

[Collection(RaftTestCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RaftClusterStoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ColdStartAndTwoJoins_ReplicateOneStateAndFollowersRefuseWrites()
    {
        await using var cluster = new TestCluster(output);
        var (first, second, third) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        await first.StartAsync();
        await Eventually.UntilAsync(() => first.Store.IsLeader, "the cold-started node leads alone");
        await second.StartAsync();

        var notYetMember = await second.Store.ProposeAsync(CreateCluster(first), CancellationToken.None);

        Assert.Equal(ProposeStatus.NoQuorum, notYetMember.Status);
        Assert.Empty(second.Store.Members);
        await cluster.JoinAsync(second);
        await third.StartAsync();
        await cluster.JoinAsync(third);
        await cluster.JoinAsync(third); // adding a member twice is idempotent: a false answer would keep this waiting
        await Eventually.UntilAsync(() => cluster.Nodes.All(n => n.Store.Members.Count == 3), "every node knows three members");
        var followerToken = third.Store.GetChangeToken();

        var created = await AppliedAsync(cluster, CreateCluster(first));

        Assert.Equal([1, 1], created.AssignedUids);
        Assert.Equal(1, created.State!.Version);
        Assert.True(created.LogIndex > 0);
        await Eventually.UntilAsync(() => followerToken.HasChanged, "the follower's change token fires");
        var state = await ApplyAllAsync(cluster, [AddNode(2), AddNode(3), PutBdb(1)]);
        Assert.Equal(state, await cluster.ConvergedAsync(state.Version));
        Assert.Equal([1, 2, 3], third.Store.Current.Nodes.Keys);

        var leader = await cluster.LeaderAsync();
        foreach (var follower in cluster.Nodes.Where(n => n != leader))
        {
            var refused = await follower.Store.ProposeAsync(AddNode(4), CancellationToken.None);
            Assert.Equal(ProposeStatus.NotLeader, refused.Status);
            Assert.False(refused.MayStillApply);
            AssertOtherMember(cluster, follower, refused.Leader);
            var thrown = await Assert.ThrowsAsync<NotClusterLeaderException>(() => follower.Store.AddMemberAsync(leader.EndPoint, CancellationToken.None));
            AssertOtherMember(cluster, follower, thrown.Leader);
        }

        var stale = await ProposeAsync(cluster, AddNode(4) with { ExpectedClusterVersion = 1 });

        Assert.Equal(ProposeStatus.Rejected, stale.Status);
        Assert.Equal(RejectionCode.VersionConflict, stale.Rejection!.Code);
        Assert.Equal(state, stale.State);
        var after = await AppliedAsync(cluster, AddNode(4) with { ExpectedClusterVersion = state.Version });
        Assert.Equal(after.State, await cluster.ConvergedAsync(state.Version + 1));
    }

    [Fact]
    public async Task RemoveMember_LeavesTwoMembersThatStillCommit()
    {
        await using var cluster = new TestCluster(output);
        await cluster.FormAsync();
        var leader = await cluster.LeaderAsync();
        var removed = cluster.Nodes.First(n => n != leader);

        Assert.True(await leader.Store.RemoveMemberAsync(removed.EndPoint, CancellationToken.None));

        var remaining = cluster.Nodes.Where(n => n != removed).ToList();
        await Eventually.UntilAsync(() => remaining.All(n => n.Store.Members.Count == 2), "the remaining nodes know two members");
        await removed.StopAsync();
        Assert.False(await (await cluster.LeaderAsync()).Store.RemoveMemberAsync(removed.EndPoint, CancellationToken.None), "it is no member any more");
        var created = await AppliedAsync(cluster, CreateCluster(cluster.Nodes[0]));
        Assert.Equal(created.State, await cluster.ConvergedAsync(created.State!.Version));
    }

    [Fact]
    public async Task LeaderStopped_ANewLeaderTakesWritesAndTheOldOneCatchesUp()
    {
        await using var cluster = new TestCluster(output);
        await cluster.FormAsync();
        var oldLeader = await cluster.LeaderAsync();
        var before = await ApplyAllAsync(cluster, [CreateCluster(cluster.Nodes[0]), AddNode(2), AddNode(3)]);
        await cluster.ConvergedAsync(before.Version);

        var elapsed = Stopwatch.StartNew();
        await oldLeader.StopAsync();
        var newLeader = await cluster.LeaderAsync();
        output.WriteLine($"new leader {newLeader} after {elapsed.ElapsedMilliseconds} ms");

        Assert.NotEqual(oldLeader, newLeader);
        Assert.Equal(before, newLeader.Store.Current);
        var after = await AppliedAsync(cluster, PutBdb(1));
        Assert.Equal(before.Version + 1, after.State!.Version);
        await cluster.ConvergedAsync(after.State.Version);

        await oldLeader.StartAsync();

        Assert.Equal(after.State, await cluster.ConvergedAsync(after.State.Version));
        Assert.Equal(3, cluster.Running.Count());
        var more = await AppliedAsync(cluster, PutBdb(2));
        await cluster.ConvergedAsync(more.State!.Version);
    }

    [Fact]
    public async Task AllNodesRestarted_RecoverTheSameStateFromSnapshotsAndLog()
    {
        await using var cluster = new TestCluster(output, o => o.SnapshotInterval = 4);
        await cluster.FormAsync();
        var before = await ApplyAllAsync(cluster, [CreateCluster(cluster.Nodes[0]), .. Enumerable.Range(1, 10).Select(PutBdb)]);
        await cluster.ConvergedAsync(before.Version);
        foreach (var node in cluster.Nodes)
        {
            var snapshots = Directory.GetFiles(node.SnapshotDir);
            Assert.True(snapshots.Length > 0, $"{node} wrote no snapshot");
            var newest = snapshots.Select(f => long.Parse(Path.GetFileName(f).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture)).Max();
            Assert.True(newest < node.Store.LastAppliedIndex, $"{node}: snapshot at {newest}, applied {node.Store.LastAppliedIndex}: nothing left to replay");
        }

        foreach (var node in cluster.Nodes)
        {
            await node.StopAsync();
        }
        foreach (var node in cluster.Nodes)
        {
            await node.StartAsync();
        }

        Assert.Equal(before, await cluster.ConvergedAsync(before.Version));
        var after = await AppliedAsync(cluster, AddNode(2));
        Assert.Equal(after.State, await cluster.ConvergedAsync(before.Version + 1));
    }

    [Fact]
    public async Task TwoOfThreeStopped_ReadsAnswerAndProposalsFailFastWithNoQuorum()
    {
        // A long propose timeout shows that the refusals below come from the quorum checks, not from a timeout.
        await using var cluster = new TestCluster(output, o => o.ProposeTimeout = TimeSpan.FromSeconds(30));
        await cluster.FormAsync();
        var before = (await AppliedAsync(cluster, CreateCluster(cluster.Nodes[0]))).State!;
        await cluster.ConvergedAsync(before.Version);
        var leader = await cluster.LeaderAsync();
        var followers = cluster.Nodes.Where(n => n != leader).ToList();

        foreach (var follower in followers)
        {
            await follower.StopAsync();
        }
        var elapsed = Stopwatch.StartNew();
        var lonelyLeader = await leader.Store.ProposeAsync(AddNode(4), CancellationToken.None);
        output.WriteLine($"first refusal after {elapsed.ElapsedMilliseconds} ms: {lonelyLeader.Description}");

        Assert.Equal(ProposeStatus.NoQuorum, lonelyLeader.Status);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"took {elapsed.Elapsed}");
        Assert.Equal(before, leader.Store.Current);
        await Eventually.UntilAsync(() => !leader.Store.HasQuorum && !leader.Store.IsLeader, "the lone node knows it has no quorum");
        elapsed.Restart();
        var again = await leader.Store.ProposeAsync(AddNode(5), CancellationToken.None);
        Assert.Equal(ProposeStatus.NoQuorum, again.Status);
        Assert.False(again.MayStillApply);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(2), $"took {elapsed.Elapsed}");
        Assert.Equal(before, leader.Store.Current);

        await followers[0].StartAsync();
        var after = await AppliedAsync(cluster, AddNode(6));
        await cluster.ConvergedAsync(after.State!.Version);

        await (await cluster.LeaderAsync()).StopAsync();
        var alone = cluster.Running.Single();
        await Eventually.UntilAsync(() => !alone.Store.HasQuorum, "the lone follower knows it has no quorum");
        elapsed.Restart();
        var lonelyFollower = await alone.Store.ProposeAsync(AddNode(7), CancellationToken.None);
        Assert.Equal(ProposeStatus.NoQuorum, lonelyFollower.Status);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(2), $"took {elapsed.Elapsed}");
        Assert.True(alone.Store.Current.Version >= after.State.Version);
    }

    /// <summary>The leader a follower names is another member (normally the leader found above; an election may move it).</summary>
    private static void AssertOtherMember(TestCluster cluster, TestNode follower, System.Net.EndPoint? leader)
    {
        Assert.NotNull(leader);
        Assert.NotEqual(follower.EndPoint, leader);
        Assert.Contains(leader, cluster.Nodes.Select(n => (System.Net.EndPoint)n.EndPoint));
    }
}
