using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Infrastructure;
using Xunit.Abstractions;
using static Spinel.ControlPlane.Tests.Raft.Proposals;

namespace Spinel.ControlPlane.Tests.Raft;

[Collection(RaftTestCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SingleNodeStoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ColdStart_LeadsAloneAndRestartsFromSnapshotAndLog()
    {
        await using var cluster = new TestCluster(output, o => o.SnapshotInterval = 3, size: 1);
        var node = cluster.Nodes[0];
        await node.StartAsync();
        await Eventually.UntilAsync(() => node.Store.IsLeader && node.Store.HasQuorum, "the cold-started node leads alone");
        Assert.Equal([node.EndPoint], node.Store.Members);
        Assert.Equal(node.EndPoint, node.Store.LeaderRaftEndPoint);

        var before = await ApplyAllAsync(node, [CreateCluster(node), .. Enumerable.Range(1, 7).Select(PutBdb)]);
        Assert.Equal(8, before.Version);
        Assert.Equal(before, node.Store.Current);
        Assert.NotEmpty(Directory.GetFiles(node.SnapshotDir));

        await node.StopAsync();
        await node.StartAsync();

        Assert.Equal(before, node.Store.Current);
        await Eventually.UntilAsync(() => node.Store.IsLeader, "the restarted node leads again");
        var after = await AppliedAsync(node, PutBdb(8));
        Assert.Equal(before.Version + 1, after.State!.Version);
    }

    [Fact]
    public async Task Join_AfterTheLogWasCompacted_SendsTheSnapshotToTheNewMember()
    {
        await using var cluster = new TestCluster(output, o => o.SnapshotInterval = 3, size: 2);
        var (first, second) = (cluster.Nodes[0], cluster.Nodes[1]);
        await first.StartAsync();
        await Eventually.UntilAsync(() => first.Store.IsLeader, "the cold-started node leads alone");
        var before = await ApplyAllAsync(first, [CreateCluster(first), .. Enumerable.Range(1, 10).Select(PutBdb)]);

        await second.StartAsync();
        await cluster.JoinAsync(second);

        Assert.Equal(before, await cluster.ConvergedAsync(before.Version));
        var after = await AppliedAsync(cluster, AddNode(2));
        Assert.Equal(after.State, await cluster.ConvergedAsync(after.State!.Version));
    }

    [Fact]
    public async Task AddMember_ThatNeverAnswers_GivesUpWithinTheTimeout()
    {
        await using var cluster = new TestCluster(output, o => o.MembershipChangeTimeout = TimeSpan.FromSeconds(2), size: 1);
        var node = cluster.Nodes[0];
        await node.StartAsync();
        await Eventually.UntilAsync(() => node.Store.IsLeader, "the cold-started node leads alone");

        var added = await node.Store.AddMemberAsync(new IPEndPoint(IPAddress.Loopback, TestPorts.NextFree()), CancellationToken.None);

        Assert.False(added);
        Assert.Single(node.Store.Members);
        await AppliedAsync(node, CreateCluster(node));
    }

    [Fact]
    public async Task ChangeToken_FiresOnceForTheNextAppliedChangeOnly()
    {
        await using var cluster = new TestCluster(output, size: 1);
        var node = cluster.Nodes[0];
        await node.StartAsync();
        await Eventually.UntilAsync(() => node.Store.IsLeader, "the cold-started node leads alone");
        await AppliedAsync(node, CreateCluster(node));
        var token = node.Store.GetChangeToken();

        var rejected = await node.Store.ProposeAsync(CreateCluster(node), CancellationToken.None);

        Assert.Equal(ProposeStatus.Rejected, rejected.Status);
        Assert.Equal(RejectionCode.AlreadyExists, rejected.Rejection!.Code);
        Assert.False(token.HasChanged);
        await AppliedAsync(node, AddNode(2));
        await Eventually.UntilAsync(() => token.HasChanged, "the token fires for the applied command");
    }

    [Fact]
    public async Task Store_BeforeStart_ReadsEmptyAndRefusesWrites()
    {
        var options = Options.Create(new ControlPlaneOptions { DataDir = Path.GetTempPath(), RaftEndPoint = "127.0.0.1:1" });
        await using var store = new RaftClusterStore(options, NullLoggerFactory.Instance, TimeProvider.System);

        Assert.Same(ClusterState.Empty, store.Current);
        Assert.False(store.IsLeader);
        Assert.False(store.HasQuorum);
        Assert.Null(store.LeaderRaftEndPoint);
        Assert.Empty(store.Members);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ProposeAsync(new Spinel.ControlPlane.Store.Commands.CreateCluster { Cluster = Records.Cluster() }, CancellationToken.None));
    }

    [Fact]
    public async Task AddControlPlane_WithInvalidOptions_FailsAtHostStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddControlPlane(o => o.RaftEndPoint = "nowhere");
        var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        await ((IAsyncDisposable)host).DisposeAsync();

        Assert.Contains("DataDir", error.Message, StringComparison.Ordinal);
        Assert.Contains("RaftEndPoint", error.Message, StringComparison.Ordinal);
    }
}
