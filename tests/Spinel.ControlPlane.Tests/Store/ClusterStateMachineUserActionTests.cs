using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using static Spinel.ControlPlane.Store.ClusterStateMachine;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineUserActionTests
{
    private readonly ClusterState _created = Records.Created();

    [Fact]
    public void PutUser_New_AssignsTheNextUid()
    {
        var result = Execute(_created, new PutUser { User = Records.User("ops", UserRole.ClusterMember), ExpectedVersion = 0 });

        var state = StateAssert.Accepted(result);
        Assert.Equal([2], result.AssignedUids);
        Assert.Equal(UserRole.ClusterMember, state.Users[2].Role);
        Assert.Equal(1, state.Users[2].Version);
    }

    [Fact]
    public void PutUser_Existing_ReplacesItAndBumpsVersion()
    {
        var user = _created.Users[1] with { PasswordHash = "new" };

        var state = StateAssert.Accepted(Execute(_created, new PutUser { User = user, ExpectedVersion = 1 }));

        Assert.Equal("new", state.Users[1].PasswordHash);
        Assert.Equal(2, state.Users[1].Version);
    }

    [Fact]
    public void PutUser_WithTakenNameOrEmail_IsRejectedAsAlreadyExists()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = Records.User("ADMIN") with { Email = "x@example.com" } }), RejectionCode.AlreadyExists);
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = Records.User("other") with { Email = "Admin@Example.com" } }), RejectionCode.AlreadyExists);
    }

    [Fact]
    public void PutUser_WithoutEmails_AllowsSeveral()
    {
        var state = Apply(_created, new PutUser { User = Records.User("a") with { Email = "" } });

        StateAssert.Accepted(Execute(state, new PutUser { User = Records.User("b") with { Email = "" } }));
    }

    [Fact]
    public void PutUser_WithoutNameOrHash_IsRejectedAsInvalid()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = Records.User("") }), RejectionCode.Invalid);
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = Records.User("x") with { PasswordHash = "" } }), RejectionCode.Invalid);
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = Records.User("x", uid: -2) }), RejectionCode.Invalid);
    }

    [Fact]
    public void PutUser_WithStaleVersion_IsRejectedAsVersionConflict()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = _created.Users[1], ExpectedVersion = 4 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void PutUser_DemotingTheLastAdmin_IsRejectedAsInUse()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = _created.Users[1] with { Role = UserRole.DbViewer } }), RejectionCode.InUse);
    }

    [Fact]
    public void DeleteUser_RemovesIt_ButNeverTheLastAdmin()
    {
        var state = Apply(_created, new PutUser { User = Records.User("second") });

        var after = StateAssert.Accepted(Execute(state, new DeleteUser { Uid = 1, ExpectedVersion = 1 }));

        Assert.Equal([2], after.Users.Keys);
        StateAssert.Rejected(after, Execute(after, new DeleteUser { Uid = 2 }), RejectionCode.InUse);
    }

    [Fact]
    public void DeleteUser_UnknownOrStale_IsRejected()
    {
        StateAssert.Rejected(_created, Execute(_created, new DeleteUser { Uid = 9 }), RejectionCode.NotFound);
        StateAssert.Rejected(_created, Execute(_created, new DeleteUser { Uid = 1, ExpectedVersion = 3 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void PutAction_CreatesThenUpdatesWithVersions()
    {
        var created = StateAssert.Accepted(Execute(_created, new PutAction { Action = Records.Action(), ExpectedVersion = 0 }));
        var step = created.Actions["a-1"] with
        {
            State = "shards",
            Progress = 50,
            Data = ValueDictionary.Create(new Dictionary<string, string> { ["placement"] = "1,2" }),
        };

        var updated = StateAssert.Accepted(Execute(created, new PutAction { Action = step, ExpectedVersion = 1 }));

        Assert.Equal(1, created.Actions["a-1"].Version);
        Assert.Equal(2, updated.Actions["a-1"].Version);
        Assert.Equal("shards", updated.Actions["a-1"].State);
        Assert.Equal("1,2", updated.Actions["a-1"].Data["placement"]);
    }

    [Fact]
    public void PutAction_RacingOnTheSameVersion_OnlyTheFirstWins()
    {
        var state = Apply(_created, new PutAction { Action = Records.Action() });
        var first = Records.Action() with { State = "one" };
        var second = Records.Action() with { State = "two" };

        state = StateAssert.Accepted(Execute(state, new PutAction { Action = first, ExpectedVersion = 1 }));

        StateAssert.Rejected(state, Execute(state, new PutAction { Action = second, ExpectedVersion = 1 }), RejectionCode.VersionConflict);
        Assert.Equal("one", state.Actions["a-1"].State);
    }

    [Fact]
    public void PutAction_Inconsistent_IsRejected()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutAction { Action = Records.Action("") }), RejectionCode.Invalid);
        StateAssert.Rejected(_created, Execute(_created, new PutAction { Action = Records.Action() with { Name = "" } }), RejectionCode.Invalid);
        StateAssert.Rejected(_created, Execute(_created, new PutAction { Action = Records.Action(), ExpectedVersion = 1 }), RejectionCode.NotFound);
    }

    [Fact]
    public void DeleteAction_RemovesIt()
    {
        var state = Apply(_created, new PutAction { Action = Records.Action() });

        var after = StateAssert.Accepted(Execute(state, new DeleteAction { ActionUid = "a-1", ExpectedVersion = 1 }));

        Assert.Empty(after.Actions);
        StateAssert.Rejected(after, Execute(after, new DeleteAction { ActionUid = "a-1" }), RejectionCode.NotFound);
        StateAssert.Rejected(state, Execute(state, new DeleteAction { ActionUid = "a-1", ExpectedVersion = 2 }), RejectionCode.VersionConflict);
    }
}
