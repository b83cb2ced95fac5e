using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Resharding;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Topology;

/// <summary>Maps the cluster store's state to the topology the data path (proxy, node agent) acts on. Pure and deterministic.</summary>
public static class ClusterTopologyMapper
{
    /// <summary>What <see cref="DatabaseConfig.MaxConnections"/> gets for <c>max_connections</c> 0 (no limit): the proxy never reaches it.</summary>
    public const int UnlimitedConnections = int.MaxValue;

    /// <summary>
    /// The topology at <paramref name="state"/>'s version: one database per bdb that has a shard or an endpoint, by uid;
    /// its shards by uid.
    /// </summary>
    public static TopologySnapshot ToSnapshot(ClusterState state)
    {
        var shardsByBdb = state.Shards.Values.ToLookup(s => s.BdbUid);
        var endpointsByBdb = state.Endpoints.Values.ToLookup(e => e.BdbUid);
        var databases = new List<DatabaseConfig>();
        foreach (var bdb in state.Bdbs.Values)
        {
            var shards = shardsByBdb[bdb.Uid];
            var endpoints = endpointsByBdb[bdb.Uid];
            if (shards.Any() || endpoints.Any())
            {
                databases.Add(ToDatabase(state, bdb, shards, endpoints));
            }
        }
        return new TopologySnapshot
        {
            Version = state.Version,
            Databases = databases,
            ClusterName = state.Cluster?.Name ?? "",
            Nodes = state.Nodes.Values.OrderBy(n => n.Uid)
                .Select(n => new NodeConfig { Uid = n.Uid, Address = n.Address, Active = n.Status == NodeStatus.Active })
                .ToList(),
        };
    }

    /// <summary>The redis <c>maxmemory-policy</c> value of an eviction policy, e.g. <c>allkeys-lru</c>.</summary>
    public static string ToRedisPolicy(EvictionPolicy policy) => policy switch
    {
        EvictionPolicy.VolatileLru => "volatile-lru",
        EvictionPolicy.VolatileTtl => "volatile-ttl",
        EvictionPolicy.VolatileRandom => "volatile-random",
        EvictionPolicy.VolatileLfu => "volatile-lfu",
        EvictionPolicy.AllKeysLru => "allkeys-lru",
        EvictionPolicy.AllKeysRandom => "allkeys-random",
        EvictionPolicy.AllKeysLfu => "allkeys-lfu",
        EvictionPolicy.NoEviction => "noeviction",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown eviction policy"),
    };

    private static DatabaseConfig ToDatabase(ClusterState state, BdbRecord bdb, IEnumerable<ShardRecord> shards, IEnumerable<EndpointRecord> endpoints)
    {
        var evictionPolicy = ToRedisPolicy(bdb.EvictionPolicy);
        var maxMemory = ShardMemory.PerShardNow(bdb, shards.Count(s => s.Role == ShardRole.Master));
        bool IsDown(int nodeUid) => state.Nodes.GetValueOrDefault(nodeUid)?.Status == NodeStatus.Down;
        return new DatabaseConfig
        {
            Uid = bdb.Uid,
            Name = bdb.Name,
            Port = bdb.Port,
            Password = bdb.AuthenticationRedisPass,
            AdditionalPasswords = [.. bdb.AdditionalPasswords],
            DefaultUser = bdb.DefaultUser,
            Tls = bdb.TlsMode == TlsMode.Enabled,
            ClientCertificates = bdb.TlsMode == TlsMode.Enabled && bdb.EnforceClientAuthentication ? [.. bdb.ClientCertificates] : [],
            MemorySizeBytes = bdb.MemorySize,
            EvictionPolicy = evictionPolicy,
            MaxConnections = bdb.MaxConnections > 0 ? bdb.MaxConnections : UnlimitedConnections,
            ShardKeyRegex = [.. BdbKeyHashing.RulesOf(bdb)],
            OssCluster = bdb.OssCluster,
            Shards = shards.OrderBy(s => s.Uid).Select(s => new ShardConfig
            {
                Uid = s.Uid,
                BdbUid = s.BdbUid,
                NodeUid = s.NodeUid,
                // The store does not remove a node that runs shards; an empty host would only show a broken state.
                Host = state.Nodes.GetValueOrDefault(s.NodeUid)?.Address ?? "",
                Port = s.Port,
                Role = s.Role,
                ReplicaOf = s.ReplicaOf,
                Held = s.Held,
                Generation = s.Generation,
                Slots = s.AssignedSlots.AsImmutableArray(),
                MaxMemoryBytes = maxMemory,
                EvictionPolicy = evictionPolicy,
                AppendFsync = ShardPersistence.Persists(bdb, s, shards, IsDown) && bdb.DataPersistence == DataPersistence.Aof
                    ? ShardPersistence.AppendFsync(bdb.AofPolicy)
                    : null,
                SaveRules = ShardPersistence.Persists(bdb, s, shards, IsDown) && bdb.DataPersistence == DataPersistence.Snapshot
                    ? ShardPersistence.SaveRules(bdb.SnapshotPolicy)
                    : "",
            }).ToList(),
            EndpointNodes = endpoints.SelectMany(e => e.NodeUids).Distinct().Order().ToList(),
            AclUsers = AclUsersOf(state, bdb),
        };
    }

    /// <summary>
    /// The users that <paramref name="bdb"/>'s <c>roles_permissions</c> let in, in the order of its entries then by user
    /// uid; a user holding the roles of several entries gets the ACL of the first.
    /// </summary>
    public static IReadOnlyList<DatabaseAclUser> AclUsersOf(ClusterState state, BdbRecord bdb)
    {
        var users = new List<DatabaseAclUser>();
        var taken = new HashSet<int>();
        foreach (var permission in bdb.RolesPermissions)
        {
            // The store keeps both references valid; a missing one would only show a broken state, so skip it.
            if (state.RedisAcls.GetValueOrDefault(permission.RedisAclUid) is not { } acl)
            {
                continue;
            }
            foreach (var user in state.Users.Values.Where(u => u.RoleUids.Contains(permission.RoleUid) && taken.Add(u.Uid)))
            {
                users.Add(new DatabaseAclUser { Name = user.Name, PasswordDigests = [.. user.RedisPasswordDigests], Rules = acl.Acl });
            }
        }
        return users;
    }
}
