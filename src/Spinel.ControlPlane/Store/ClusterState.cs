using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>
/// The whole cluster configuration at one <see cref="Version"/>. Immutable with value equality: every node that applied
/// the same commands holds an equal state.
/// </summary>
public sealed record ClusterState
{
    public static ClusterState Empty { get; } = new();

    /// <summary>Number of commands applied so far (rejected ones excluded); only grows.</summary>
    public long Version { get; init; }

    /// <summary>The cluster; null until <c>CreateCluster</c> is applied.</summary>
    public ClusterRecord? Cluster { get; init; }

    public ValueDictionary<int, NodeRecord> Nodes { get; init; }

    public ValueDictionary<int, BdbRecord> Bdbs { get; init; }

    public ValueDictionary<int, ShardRecord> Shards { get; init; }

    /// <summary>Endpoints by their uid (<c>bdb:n</c>).</summary>
    public ValueDictionary<string, EndpointRecord> Endpoints { get; init; }

    /// <summary>Actions by their action_uid.</summary>
    public ValueDictionary<string, ActionRecord> Actions { get; init; }

    public ValueDictionary<int, UserRecord> Users { get; init; }

    /// <summary>Redis ACLs by uid; always holds <see cref="RedisAclRecord.FullAccess"/>, whatever is set.</summary>
    // Normalised in the setter, not by an initializer: the source-generated reader sets a property absent from the JSON
    // (a state written before ACLs existed) to its default, so this is where Full Access appears for old stores.
    public ValueDictionary<int, RedisAclRecord> RedisAcls
    {
        get;
        init => field = value.ContainsKey(RedisAclRecord.FullAccessUid) ? value : value.SetItem(RedisAclRecord.FullAccessUid, RedisAclRecord.FullAccess);
    } = default(ValueDictionary<int, RedisAclRecord>).SetItem(RedisAclRecord.FullAccessUid, RedisAclRecord.FullAccess);

    /// <summary>Roles by uid (Redis Enterprise <c>role</c> objects).</summary>
    public ValueDictionary<int, RoleRecord> Roles { get; init; }

    /// <summary>The event log, oldest first, at most <see cref="ClusterStateMachine.EventLogCapacity"/> events.</summary>
    public ValueList<EventRecord> Events { get; init; }

    /// <summary>The uid the next node added with uid 0 receives.</summary>
    public int NextNodeUid { get; init; } = 1;

    public int NextBdbUid { get; init; } = 1;

    public int NextShardUid { get; init; } = 1;

    public int NextUserUid { get; init; } = 1;

    /// <summary>The uid the next ACL added with uid 0 receives; never below 2, as Full Access has 1.</summary>
    public int NextRedisAclUid
    {
        get;
        init => field = Math.Max(value, RedisAclRecord.FullAccessUid + 1);
    } = RedisAclRecord.FullAccessUid + 1;

    public int NextRoleUid { get; init; } = 1;

    /// <summary>The uid of the newest event ever appended (0 before the first); it only grows, even as old events are dropped.</summary>
    // Not "next" like the other counters: a state written before the event log reads as 0 here, which must mean none.
    public long LastEventUid { get; init; }

    [JsonIgnore]
    public bool IsCreated => Cluster is not null;

    public IEnumerable<ShardRecord> ShardsOf(int bdbUid) => Shards.Values.Where(s => s.BdbUid == bdbUid);

    public IEnumerable<ShardRecord> ShardsOnNode(int nodeUid) => Shards.Values.Where(s => s.NodeUid == nodeUid);

    /// <summary>
    /// The management roles <paramref name="user"/> holds: its legacy <see cref="UserRecord.Role"/> and that of each of
    /// its roles. A request is allowed when one of them allows it, so the most powerful one counts.
    /// </summary>
    public IEnumerable<UserRole> ManagementRolesOf(UserRecord user) =>
        user.RoleUids.Select(r => Roles.GetValueOrDefault(r)?.Management).OfType<UserRole>().Prepend(user.Role).Distinct();

    /// <summary>Whether <paramref name="user"/> is an admin, by its legacy role or one of its roles.</summary>
    public bool IsAdmin(UserRecord user) => ManagementRolesOf(user).Contains(UserRole.Admin);

    public IEnumerable<EndpointRecord> EndpointsOf(int bdbUid) => Endpoints.Values.Where(e => e.BdbUid == bdbUid);
}
