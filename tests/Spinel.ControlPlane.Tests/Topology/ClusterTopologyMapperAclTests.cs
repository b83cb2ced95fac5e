using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Topology;
using Spinel.Model;
using static Spinel.ControlPlane.Tests.Placement.TestState;

namespace Spinel.ControlPlane.Tests.Topology;

public sealed class ClusterTopologyMapperAclTests
{
    private static readonly string DigestA = new('a', 64);
    private static readonly string DigestB = new('b', 64);

    // bdb 3 with one shard; ACL 2 (read-only) and 3 (writer); roles 1 (readers), 2 (writers), 3 (unbound);
    // users: 5 alice (readers, writers), 6 bob (writers), 7 carol (unbound), 8 dave (legacy role only).
    private static ClusterState Sample(params RolePermission[] permissions)
    {
        var state = new Placement.TestState()
            .Nodes(1)
            .With(Bdb(3, shards: 1, memory: GB, port: 12001) with { RolesPermissions = [.. permissions] })
            .Shard(11, 3, 1, 20000, slots: new SlotRange(0, 16383))
            .Build(9);
        return state with
        {
            RedisAcls = state.RedisAcls
                .SetItem(2, new RedisAclRecord { Uid = 2, Name = "read-only", Acl = "+@read ~*" })
                .SetItem(3, new RedisAclRecord { Uid = 3, Name = "writer", Acl = "+@all -@dangerous ~app:*" }),
            Roles = default(ValueDictionary<int, RoleRecord>)
                .SetItem(1, new RoleRecord { Uid = 1, Name = "readers" })
                .SetItem(2, new RoleRecord { Uid = 2, Name = "writers", Management = UserRole.DbMember })
                .SetItem(3, new RoleRecord { Uid = 3, Name = "unbound" }),
            Users = default(ValueDictionary<int, UserRecord>)
                .SetItem(5, User(5, "alice", [1, 2], DigestA, DigestB))
                .SetItem(6, User(6, "bob", [2], DigestB))
                .SetItem(7, User(7, "carol", [3], DigestA))
                .SetItem(8, User(8, "dave", [], DigestA)),
        };
    }

    private static UserRecord User(int uid, string name, int[] roles, params string[] digests) => new()
    {
        Uid = uid,
        Name = name,
        PasswordHash = "pbkdf2$1$s$h",
        RoleUids = [.. roles],
        RedisPasswordDigests = [.. digests],
    };

    [Fact]
    public void ToSnapshot_WithoutRolesPermissions_HasNoAclUsers()
    {
        var db = Assert.Single(ClusterTopologyMapper.ToSnapshot(Sample()).Databases);

        Assert.Empty(db.AclUsers);
    }

    [Fact]
    public void ToSnapshot_GivesEveryHolderOfABoundRoleItsAcl()
    {
        var db = Assert.Single(ClusterTopologyMapper.ToSnapshot(Sample(new RolePermission(2, 3))).Databases);

        Assert.Equal(
            [
                new DatabaseAclUser { Name = "alice", PasswordDigests = [DigestA, DigestB], Rules = "+@all -@dangerous ~app:*" },
                new DatabaseAclUser { Name = "bob", PasswordDigests = [DigestB], Rules = "+@all -@dangerous ~app:*" },
            ],
            db.AclUsers);
    }

    [Fact]
    public void ToSnapshot_AUserMatchedByTwoEntries_KeepsTheFirst()
    {
        var db = Assert.Single(ClusterTopologyMapper.ToSnapshot(Sample(new RolePermission(1, 2), new RolePermission(2, 3))).Databases);

        Assert.Equal([("alice", "+@read ~*"), ("bob", "+@all -@dangerous ~app:*")], db.AclUsers.Select(u => (u.Name, u.Rules)));
    }

    [Fact]
    public void ToSnapshot_BindingFullAccess_GivesItsRules()
    {
        var db = Assert.Single(ClusterTopologyMapper.ToSnapshot(Sample(new RolePermission(3, RedisAclRecord.FullAccessUid))).Databases);

        var carol = Assert.Single(db.AclUsers);
        Assert.Equal(("carol", "+@all ~*"), (carol.Name, carol.Rules));
    }

    [Fact]
    public void ToSnapshot_AChangedAcl_ChangesTheDatabaseConfig()
    {
        var state = Sample(new RolePermission(1, 2));
        var before = Assert.Single(ClusterTopologyMapper.ToSnapshot(state).Databases);

        var changed = state with { RedisAcls = state.RedisAcls.SetItem(2, state.RedisAcls[2] with { Acl = "+get ~*" }) };
        var after = Assert.Single(ClusterTopologyMapper.ToSnapshot(changed).Databases);

        Assert.NotEqual(before, after);
        Assert.Equal("+get ~*", after.AclUsers[0].Rules);
    }
}
