using Spinel.ControlPlane.Store;
using Xunit.Abstractions;

namespace Spinel.ControlPlane.Tests.Infrastructure;

/// <summary>
/// Three control-plane nodes in this process on 127.0.0.1 with free ports and temporary data dirs. <see cref="FormAsync"/>
/// builds the cluster as an operator would: a cold start on the first node, then the leader adds the two others.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spinel-raft-").FullName;

    public TestCluster(ITestOutputHelper output, Action<ControlPlaneOptions>? configure = null, int size = 3)
    {
        Nodes = Enumerable.Range(1, size)
            .Select(i => new TestNode($"n{i}", Path.Combine(_root, $"n{i}"), TestPorts.NextFree(), output, o =>
            {
                // Twice the production default: test runs share two cores with other test assemblies, and a starved
                // thread pool must not look like a dead leader. Tests may still override it.
                o.LowerElectionTimeout = TimeSpan.FromMilliseconds(300);
                o.UpperElectionTimeout = TimeSpan.FromMilliseconds(600);
                configure?.Invoke(o);
            }))
            .ToList();
        Nodes[0].ColdStart = true;
    }

    public IReadOnlyList<TestNode> Nodes { get; }

    public IEnumerable<TestNode> Running => Nodes.Where(n => n.IsRunning);

    public async Task FormAsync()
    {
        await Nodes[0].StartAsync();
        await Eventually.UntilAsync(() => Nodes[0].Store.IsLeader, "the cold-started node leads");
        foreach (var node in Nodes.Skip(1))
        {
            await node.StartAsync();
            await JoinAsync(node);
        }
        await Eventually.UntilAsync(
            () => Nodes.All(n => n.Store.Members.Count == Nodes.Count && n.Store.HasQuorum),
            "every node knows all members and has a quorum");
    }

    /// <summary>
    /// Has the leader add <paramref name="node"/>, as the REST join will: when leadership moves meanwhile (an election on
    /// a busy machine), it asks the new leader.
    /// </summary>
    public async Task JoinAsync(TestNode node)
    {
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (true)
        {
            var leader = await LeaderAsync();
            try
            {
                if (await leader.Store.AddMemberAsync(node.EndPoint, CancellationToken.None))
                {
                    return;
                }
            }
            catch (NotClusterLeaderException)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, $"{node} was not added within {Eventually.DefaultTimeout.TotalSeconds} s");
        }
    }

    /// <summary>
    /// Waits until one running node leads and every running node in its membership names it as leader. Nodes outside
    /// the membership (not added yet, or whose join failed half way) are left out.
    /// </summary>
    public async Task<TestNode> LeaderAsync(TimeSpan? timeout = null)
    {
        TestNode? leader = null;
        await Eventually.UntilAsync(() =>
        {
            var running = Running.ToList();
            var leaders = running.Where(n => n.Store.IsLeader).ToList();
            leader = leaders.Count == 1 ? leaders[0] : null;
            if (leader is null)
            {
                return false;
            }
            var members = leader.Store.Members;
            return running.Where(n => members.Contains(n.EndPoint)).All(n => Equals(n.Store.LeaderRaftEndPoint, leader.EndPoint));
        }, "one leader that every running member agrees on", timeout);
        return leader!;
    }

    /// <summary>Waits until every running node has applied the same state, at least at <paramref name="version"/>, and returns it.</summary>
    public async Task<ClusterState> ConvergedAsync(long version)
    {
        ClusterState? state = null;
        await Eventually.UntilAsync(() =>
        {
            var states = Running.Select(n => n.Store.Current).ToList();
            state = states[0];
            return state.Version >= version && states.All(s => s.Equals(state));
        }, $"every running node at the same state of version {version} or later");
        return state!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp dir left behind does no harm.
        }
    }
}
