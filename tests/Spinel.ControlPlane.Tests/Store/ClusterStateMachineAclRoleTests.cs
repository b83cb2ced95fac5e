using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using static Spinel.ControlPlane.Store.ClusterStateMachine;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineAclRoleTests
{
    private readonly ClusterState _created = Records.Created();

    private static RedisAclRecord Acl(string name = "read-only", int uid = 0) => new() { Uid = uid, Name = name, Acl = "+@read ~*" };

    private static RoleRecord Role(string name = "app", UserRole management = UserRole.DbViewer, int uid = 0) => new() { Uid = uid, Name = name, Management = management };

    /// <summary>The created cluster plus ACL 2 (read-only), role 1 (app) held by user 2 (alice) and bound to ACL 2 by bdb 1.</summary>
    private ClusterState Bound()
    {
        var state = Apply(_created, new PutRedisAcl { RedisAcl = Acl() });
        state = Apply(state, new PutRole { Role = Role() });
        state = Apply(state, new PutUser { User = Records.User("alice", UserRole.None) with { RoleUids = [1] } });
        return StateAssert.Accepted(Execute(state, new PutBdb { Bdb = Records.Bdb() with { RolesPermissions = [new RolePermission(1, 2)] } }));
    }

    [Fact]
    public void CreatedCluster_HasTheImmutableFullAccessAcl()
    {
        var fullAccess = Assert.Single(_created.RedisAcls.Values);

        Assert.Equal((1, "Full Access", "+@all ~*"), (fullAccess.Uid, fullAccess.Name, fullAccess.Acl));
        StateAssert.Rejected(_created, Execute(_created, new PutRedisAcl { RedisAcl = fullAccess with { Acl = "+@read" } }), RejectionCode.Invalid);
        StateAssert.Rejected(_created, Execute(_created, new DeleteRedisAcl { Uid = 1 }), RejectionCode.Invalid);
    }

    [Fact]
    public void StateWrittenBeforeAcls_PresentsFullAccess()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(StoreSerializer.SerializeState(_created))!.AsObject();
        json.Remove("redis_acls");
        json.Remove("next_redis_acl_uid");

        var old = StoreSerializer.DeserializeState(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal(2, old.NextRedisAclUid);
        Assert.Equal(RedisAclRecord.FullAccess, Assert.Single(old.RedisAcls.Values));
        Assert.Equal(2, old.NextRedisAclUid);
        Assert.Empty(old.Roles);
        Assert.Empty(old.Users[1].RoleUids);
        Assert.Equal(_created, old);
    }

    [Fact]
    public void PutRedisAcl_New_AssignsUidsAfterFullAccess()
    {
        var result = Execute(_created, new PutRedisAcl { RedisAcl = Acl(), ExpectedVersion = 0 });

        var state = StateAssert.Accepted(result);
        Assert.Equal([2], result.AssignedUids);
        Assert.Equal((1L, "+@read ~*"), (state.RedisAcls[2].Version, state.RedisAcls[2].Acl));
    }

    [Fact]
    public void PutRedisAcl_TakenNameOrEmptyRules_IsRejected()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutRedisAcl { RedisAcl = Acl("FULL ACCESS") }), RejectionCode.AlreadyExists);
        StateAssert.Rejected(_created, Execute(_created, new PutRedisAcl { RedisAcl = Acl() with { Acl = " " } }), RejectionCode.Invalid);
        StateAssert.Rejected(_created, Execute(_created, new PutRedisAcl { RedisAcl = Acl(" ") }), RejectionCode.Invalid);
    }

    [Fact]
    public void PutRedisAcl_Existing_ReplacesItAndBumpsVersion()
    {
        var state = Bound();

        state = StateAssert.Accepted(Execute(state, new PutRedisAcl { RedisAcl = state.RedisAcls[2] with { Acl = "+get ~k" }, ExpectedVersion = 1 }));

        Assert.Equal(("+get ~k", 2L), (state.RedisAcls[2].Acl, state.RedisAcls[2].Version));
    }

    [Fact]
    public void DeleteRedisAcl_BoundByABdb_IsInUse_ThenDeletesOnceUnbound()
    {
        var state = Bound();

        StateAssert.Rejected(state, Execute(state, new DeleteRedisAcl { Uid = 2 }), RejectionCode.InUse);
        state = Apply(state, new PutBdb { Bdb = state.Bdbs[1] with { RolesPermissions = [] } });
        state = StateAssert.Accepted(Execute(state, new DeleteRedisAcl { Uid = 2, ExpectedVersion = 1 }));
        Assert.False(state.RedisAcls.ContainsKey(2));
        StateAssert.Rejected(state, Execute(state, new DeleteRedisAcl { Uid = 2 }), RejectionCode.NotFound);
    }

    [Fact]
    public void PutRole_New_AssignsTheNextUid_AndNamesAreUnique()
    {
        var result = Execute(_created, new PutRole { Role = Role(), ExpectedVersion = 0 });

        var state = StateAssert.Accepted(result);
        Assert.Equal([1], result.AssignedUids);
        Assert.Equal(UserRole.DbViewer, state.Roles[1].Management);
        StateAssert.Rejected(state, Execute(state, new PutRole { Role = Role("APP") }), RejectionCode.AlreadyExists);
        StateAssert.Rejected(state, Execute(state, new PutRole { Role = Role("") }), RejectionCode.Invalid);
    }

    [Fact]
    public void DeleteRole_HeldByAUserOrBoundByABdb_IsInUse()
    {
        var state = Bound();

        StateAssert.Rejected(state, Execute(state, new DeleteRole { Uid = 1 }), RejectionCode.InUse);
        state = Apply(state, new PutUser { User = state.Users[2] with { RoleUids = [] } });
        StateAssert.Rejected(state, Execute(state, new DeleteRole { Uid = 1 }), RejectionCode.InUse);
        state = Apply(state, new PutBdb { Bdb = state.Bdbs[1] with { RolesPermissions = [] } });
        StateAssert.Accepted(Execute(state, new DeleteRole { Uid = 1 }));
    }

    [Fact]
    public void PutUser_WithAMissingRole_IsNotFound()
    {
        StateAssert.Rejected(_created, Execute(_created, new PutUser { User = Records.User("bob") with { RoleUids = [7] } }), RejectionCode.NotFound);
    }

    [Fact]
    public void PutBdb_NamingAMissingRoleOrAcl_OrARoleTwice_IsRejected()
    {
        var state = Bound();
        var bdb = state.Bdbs[1];

        StateAssert.Rejected(state, Execute(state, new PutBdb { Bdb = bdb with { RolesPermissions = [new RolePermission(9, 1)] } }), RejectionCode.NotFound);
        StateAssert.Rejected(state, Execute(state, new PutBdb { Bdb = bdb with { RolesPermissions = [new RolePermission(1, 9)] } }), RejectionCode.NotFound);
        StateAssert.Rejected(state, Execute(state, new PutBdb { Bdb = bdb with { RolesPermissions = [new RolePermission(1, 1), new RolePermission(1, 2)] } }), RejectionCode.Invalid);
    }

    [Fact]
    public void AdminByRole_CountsAsAnAdmin()
    {
        var state = Apply(_created, new PutRole { Role = Role("admins", UserRole.Admin) });
        state = Apply(state, new PutUser { User = Records.User("root", UserRole.None) with { RoleUids = [1] } });

        Assert.True(state.IsAdmin(state.Users[2]));
        // Another admin exists, so the legacy one may go; then the role's holder is the last admin.
        state = StateAssert.Accepted(Execute(state, new DeleteUser { Uid = 1 }));
        StateAssert.Rejected(state, Execute(state, new PutRole { Role = state.Roles[1] with { Management = UserRole.DbMember } }), RejectionCode.InUse);
        StateAssert.Rejected(state, Execute(state, new PutUser { User = state.Users[2] with { RoleUids = [] } }), RejectionCode.InUse);
        StateAssert.Rejected(state, Execute(state, new DeleteUser { Uid = 2 }), RejectionCode.InUse);
    }

    [Fact]
    public void ManagementRolesOf_HasTheLegacyRoleAndThoseOfTheRoles()
    {
        var state = Apply(_created, new PutRole { Role = Role("members", UserRole.ClusterMember) });
        var user = Records.User("u", UserRole.DbViewer) with { RoleUids = [1] };

        Assert.Equal([UserRole.DbViewer, UserRole.ClusterMember], state.ManagementRolesOf(user));
    }
}
