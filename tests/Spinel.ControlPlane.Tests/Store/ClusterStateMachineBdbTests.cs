using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using static Spinel.ControlPlane.Store.ClusterStateMachine;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineBdbTests
{
    private readonly ClusterState _created = Records.Created();

    [Fact]
    public void PutBdb_New_AssignsUidAndVersionOne()
    {
        var result = Execute(_created, new PutBdb { Bdb = Records.Bdb() with { Version = 99 }, ExpectedVersion = 0 });

        var state = StateAssert.Accepted(result);
        Assert.Equal([1], result.AssignedUids);
        Assert.Equal(1, state.Bdbs[1].Version);
        Assert.Equal("db1", state.Bdbs[1].Name);
        Assert.Equal(2, state.NextBdbUid);
    }

    [Fact]
    public void PutBdb_WithNewExplicitUid_CreatesItAndMovesTheCounter()
    {
        var result = Execute(_created, new PutBdb { Bdb = Records.Bdb(uid: 7) });

        var state = StateAssert.Accepted(result);
        Assert.Equal([7], result.AssignedUids);
        Assert.Equal(8, state.NextBdbUid);
    }

    [Fact]
    public void PutBdb_Existing_ReplacesItAndBumpsVersion()
    {
        var state = Apply(_created, new PutBdb { Bdb = Records.Bdb() });

        var result = Execute(state, new PutBdb { Bdb = state.Bdbs[1] with { Status = BdbStatus.Active, MemorySize = 2L << 30 }, ExpectedVersion = 1 });

        var updated = StateAssert.Accepted(result);
        Assert.Empty(result.AssignedUids);
        Assert.Equal(BdbStatus.Active, updated.Bdbs[1].Status);
        Assert.Equal(2L << 30, updated.Bdbs[1].MemorySize);
        Assert.Equal(2, updated.Bdbs[1].Version);
    }

    [Fact]
    public void PutBdb_WithStaleExpectedVersion_IsRejectedAsVersionConflict()
    {
        var state = Apply(Apply(_created, new PutBdb { Bdb = Records.Bdb() }), new PutBdb { Bdb = Records.Bdb(uid: 1) });

        StateAssert.Rejected(state, Execute(state, new PutBdb { Bdb = Records.Bdb(uid: 1), ExpectedVersion = 1 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void PutBdb_ExpectingNoneOnAnExistingUid_IsRejectedAsVersionConflict()
    {
        var state = Apply(_created, new PutBdb { Bdb = Records.Bdb() });

        StateAssert.Rejected(state, Execute(state, new PutBdb { Bdb = Records.Bdb(uid: 1), ExpectedVersion = 0 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void PutBdb_ExpectingAVersionOfAMissingBdb_IsRejectedAsNotFound()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutBdb { Bdb = Records.Bdb(uid: 5), ExpectedVersion = 3 }), RejectionCode.NotFound);
    }

    [Fact]
    public void PutBdb_WithTakenName_IsRejectedAsAlreadyExistsIgnoringCase()
    {
        var state = Apply(_created, new PutBdb { Bdb = Records.Bdb("db1", 12000) });

        StateAssert.Rejected(state, Execute(state, new PutBdb { Bdb = Records.Bdb("DB1", 12001) }), RejectionCode.AlreadyExists);
    }

    [Fact]
    public void PutBdb_WithTakenPort_IsRejectedAsInUse()
    {
        var state = Apply(_created, new PutBdb { Bdb = Records.Bdb("db1", 12000) });

        StateAssert.Rejected(state, Execute(state, new PutBdb { Bdb = Records.Bdb("db2", 12000) }), RejectionCode.InUse);
    }

    [Fact]
    public void PutBdb_WithUnassignedPorts_AllowsSeveral()
    {
        var state = Apply(_created, new PutBdb { Bdb = Records.Bdb("db1", 0) });

        StateAssert.Accepted(Execute(state, new PutBdb { Bdb = Records.Bdb("db2", 0) }));
    }

    [Theory]
    [InlineData("", 1, 0)]
    [InlineData("db", 0, 0)]
    [InlineData("db", 1, -1)]
    public void PutBdb_Inconsistent_IsRejectedAsInvalid(string name, int shards, long memory)
    {
        var bdb = Records.Bdb(name) with { ShardsCount = shards, MemorySize = memory };

        StateAssert.Rejected(_created, Execute(_created, new PutBdb { Bdb = bdb }), RejectionCode.Invalid);
    }

    [Fact]
    public void DeleteBdb_RemovesItsShardsAndEndpointsOnly()
    {
        var state = Apply(Records.WithBdb(), new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, NodeUids = [1] } });
        state = Apply(state, new PutBdb { Bdb = Records.Bdb("db2", 12001) });
        state = Apply(state, new PutShards { BdbUid = 2, Shards = [Records.Shard(2, 3, 20010)] });

        var after = StateAssert.Accepted(Execute(state, new DeleteBdb { Uid = 1, ExpectedVersion = state.Bdbs[1].Version }));

        Assert.Equal([2], after.Bdbs.Keys);
        Assert.All(after.Shards.Values, s => Assert.Equal(2, s.BdbUid));
        Assert.Single(after.Shards);
        Assert.Empty(after.Endpoints);
    }

    [Fact]
    public void DeleteBdb_Unknown_IsRejectedAsNotFound()
    {
        StateAssert.Rejected(_created, Execute(_created, new DeleteBdb { Uid = 3 }), RejectionCode.NotFound);
    }

    [Fact]
    public void DeleteBdb_WithStaleExpectedVersion_IsRejectedAsVersionConflict()
    {
        var state = Records.WithBdb();

        StateAssert.Rejected(state, Execute(state, new DeleteBdb { Uid = 1, ExpectedVersion = 1 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void PutEndpoint_StoresItAndBumpsTheBdbVersion()
    {
        var state = Records.WithBdb();
        var endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, ProxyPolicy = ProxyPolicy.AllNodes, NodeUids = [1, 2, 3] };

        var after = StateAssert.Accepted(Execute(state, new PutEndpoint { Endpoint = endpoint, ExpectedBdbVersion = state.Bdbs[1].Version }));

        Assert.Equal(endpoint, after.Endpoints["1:1"]);
        Assert.Equal(state.Bdbs[1].Version + 1, after.Bdbs[1].Version);
        Assert.Equal([endpoint], after.EndpointsOf(1));
    }

    [Fact]
    public void PutEndpoint_WithStaleBdbVersion_IsRejectedAsVersionConflict()
    {
        var state = Records.WithBdb();
        var endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000 };

        StateAssert.Rejected(state, Execute(state, new PutEndpoint { Endpoint = endpoint, ExpectedBdbVersion = 1 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void PutEndpoint_ForUnknownBdbOrNode_IsRejectedAsNotFound()
    {
        var state = Records.WithBdb();

        StateAssert.Rejected(state, Execute(state, new PutEndpoint { Endpoint = new EndpointRecord { Uid = "5:1", BdbUid = 5, Port = 12000 } }), RejectionCode.NotFound);
        StateAssert.Rejected(state, Execute(state, new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, NodeUids = [1, 0] } }), RejectionCode.NotFound);
    }

    [Fact]
    public void PutEndpoint_OnAnotherBdbsPortOrUid_IsRejected()
    {
        var state = Apply(Records.WithBdb(), new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000 } });
        state = Apply(state, new PutBdb { Bdb = Records.Bdb("db2", 12001) });

        StateAssert.Rejected(state, Execute(state, new PutEndpoint { Endpoint = new EndpointRecord { Uid = "2:1", BdbUid = 2, Port = 12000 } }), RejectionCode.InUse);
        StateAssert.Rejected(state, Execute(state, new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 2, Port = 12001 } }), RejectionCode.Invalid);
        StateAssert.Rejected(state, Execute(state, new PutEndpoint { Endpoint = new EndpointRecord { Uid = "2:1", BdbUid = 2, Port = 0 } }), RejectionCode.Invalid);
        StateAssert.Rejected(state, Execute(state, new PutEndpoint { Endpoint = new EndpointRecord { Uid = "", BdbUid = 2, Port = 12001 } }), RejectionCode.Invalid);
    }

    [Fact]
    public void DeleteEndpoint_RemovesItAndBumpsTheBdbVersion()
    {
        var state = Apply(Records.WithBdb(), new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000 } });

        var after = StateAssert.Accepted(Execute(state, new DeleteEndpoint { Uid = "1:1", ExpectedBdbVersion = state.Bdbs[1].Version }));

        Assert.Empty(after.Endpoints);
        Assert.Equal(state.Bdbs[1].Version + 1, after.Bdbs[1].Version);
    }

    [Fact]
    public void DeleteEndpoint_UnknownOrStale_IsRejected()
    {
        var state = Apply(Records.WithBdb(), new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000 } });

        StateAssert.Rejected(state, Execute(state, new DeleteEndpoint { Uid = "1:2" }), RejectionCode.NotFound);
        StateAssert.Rejected(state, Execute(state, new DeleteEndpoint { Uid = "1:1", ExpectedBdbVersion = 1 }), RejectionCode.VersionConflict);
    }
}
