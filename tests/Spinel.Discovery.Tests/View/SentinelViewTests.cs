using Spinel.Discovery.Tests.Infrastructure;
using Spinel.Discovery.View;
using Spinel.Model;

namespace Spinel.Discovery.Tests.View;

public sealed class SentinelViewTests
{
    [Fact]
    public void Build_EveryNodeAgreesOnIdsButEachPrefersItsOwnProxy()
    {
        var topology = TestTopology.Initial() with { Nodes = [TestTopology.Node(1), TestTopology.Node(2), TestTopology.Node(3)] };

        var one = SentinelView.Build(topology, 1, 8001);
        var three = SentinelView.Build(topology, 3, 8001);

        Assert.Equal("10.0.0.1", one.Find("cache")!.Ip);
        Assert.Equal("10.0.0.3", three.Find("cache")!.Ip);
        Assert.Equal(one.Find("orders"), three.Find("orders"));
        Assert.Equal(one.MyId, three.Peers.Single(p => p.NodeUid == 1).RunId);
    }

    [Fact]
    public void Build_DatabaseWithoutEndpoint_IsNotListed()
    {
        var topology = TestTopology.Initial() with { Databases = [TestTopology.Database(7, "creating", 12007)] };

        Assert.Empty(SentinelView.Build(topology, 1, 8001).Masters);
    }

    [Fact]
    public void Build_EveryBindingNodeDown_KeepsTheLastKnownOne()
    {
        var topology = TestTopology.Initial() with { Nodes = [TestTopology.Node(1), TestTopology.Node(2, active: false), TestTopology.Node(3, active: false)] };

        var view = SentinelView.Build(topology, 1, 8001);

        Assert.Equal("10.0.0.2", view.Find("orders")!.Ip);
        Assert.Equal("10.0.0.2", view.Find("sessions")!.Ip);
        Assert.Empty(view.Peers);
    }

    [Fact]
    public void Moves_PortOrAddressChange_IsAMoveRenameIsNot()
    {
        var before = TestTopology.Initial();
        var after = before with
        {
            Version = 2,
            Databases =
            [
                TestTopology.Database(1, "orders", 12100, 2),
                TestTopology.Database(2, "renamed", 12001, 1, 2, 3),
                TestTopology.Database(3, "sessions", 12002, 1),
            ],
        };

        var moves = SentinelView.Moves(SentinelView.Build(before, 1, 8001), SentinelView.Build(after, 1, 8001))
            .Select(m => $"{m.New.Name} {m.Old.Address} {m.New.Address}").ToList();

        Assert.Equal(
            ["orders 10.0.0.2:12000 10.0.0.2:12100", "orders@internal 10.0.0.2:12000 10.0.0.2:12100",
             "sessions 10.0.0.3:12002 10.0.0.1:12002", "sessions@internal 10.0.0.3:12002 10.0.0.1:12002"],
            moves);
    }

    [Fact]
    public void Find_IsCaseSensitiveAsSentinel()
    {
        var view = SentinelView.Build(TestTopology.Initial(), 1, 8001);

        Assert.NotNull(view.Find("orders@internal"));
        Assert.Null(view.Find("Orders"));
        Assert.Null(view.Find("orders@INTERNAL"));
    }

    [Fact]
    public void Build_EmptyTopology_HasNoMastersOrPeers()
    {
        var view = SentinelView.Build(TopologySnapshot.Empty, 1, 8001);

        Assert.Empty(view.Masters);
        Assert.Empty(view.Peers);
    }
}
