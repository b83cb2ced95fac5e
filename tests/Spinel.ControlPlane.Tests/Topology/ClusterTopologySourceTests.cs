using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Placement;
using Spinel.ControlPlane.Topology;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Topology;

public sealed class ClusterTopologySourceTests
{
    private static ClusterState State(long version, int shards = 1)
    {
        var builder = new TestState().Nodes(1).With(TestState.Bdb(1, shards: shards, port: 12000));
        for (var i = 1; i <= shards; i++)
        {
            builder.Shard(i, 1, 1, 20000 + i);
        }
        return builder.Build(version);
    }

    [Fact]
    public void Current_MapsTheStoresState()
    {
        var source = new ClusterTopologySource(new FakeClusterStore(State(7, shards: 2)));

        var snapshot = source.Current;

        Assert.Equal(7, snapshot.Version);
        Assert.Equal([1, 2], Assert.Single(snapshot.Databases).Shards.Select(s => s.Uid));
    }

    [Fact]
    public void Current_SameStateVersion_ReturnsTheSameInstance()
    {
        var store = new FakeClusterStore(State(7));
        var source = new ClusterTopologySource(store);

        var first = source.Current;
        store.Publish(State(7));

        Assert.Same(first, source.Current);
        Assert.Same(first, source.Current);
    }

    [Fact]
    public void Current_AfterAChange_IsANewerSnapshot()
    {
        var store = new FakeClusterStore(State(7));
        var source = new ClusterTopologySource(store);
        var before = source.Current;

        store.Publish(State(8, shards: 3));
        var after = source.Current;

        Assert.Equal(8, after.Version);
        Assert.True(after.Version > before.Version);
        Assert.Equal(3, Assert.Single(after.Databases).Shards.Count);
        Assert.Same(after, source.Current);
    }

    [Fact]
    public void GetChangeToken_FiresWhenTheStoreChanges()
    {
        var store = new FakeClusterStore(State(1));
        var source = new ClusterTopologySource(store);
        var token = source.GetChangeToken();
        var fired = 0;
        using var registration = token.RegisterChangeCallback(_ => Interlocked.Increment(ref fired), null);

        Assert.False(token.HasChanged);
        store.Publish(State(2));

        Assert.True(token.HasChanged);
        Assert.Equal(1, fired);
        Assert.False(source.GetChangeToken().HasChanged);
        Assert.Equal(2, source.Current.Version);
    }

    [Fact]
    public async Task WaitForNewerAsync_ReturnsTheSnapshotOfThePublishedState()
    {
        var store = new FakeClusterStore(State(1));
        var source = new ClusterTopologySource(store);

        var waiting = source.WaitForNewerAsync(1, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        store.Publish(State(2, shards: 2));
        var snapshot = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, snapshot.Version);
        Assert.Equal(2, Assert.Single(snapshot.Databases).Shards.Count);
    }

    [Fact]
    public async Task Current_ReadConcurrentlyWhileTheStoreChanges_NeverGoesBack()
    {
        var store = new FakeClusterStore(State(1));
        var source = new ClusterTopologySource(store);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            long last = 0;
            while (!stop.IsCancellationRequested)
            {
                var version = source.Current.Version;
                Assert.True(version >= last, $"version went back from {last} to {version}");
                last = version;
            }
        })).ToList();

        for (var version = 2; version <= 2000; version++)
        {
            store.Publish(State(version));
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(2000, source.Current.Version);
        Assert.Same(source.Current, source.Current);
    }
}
