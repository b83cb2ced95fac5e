namespace Spinel.Cli.Tests.Infrastructure;

/// <summary>
/// Canned Redis-Enterprise-shaped answers for a 3-node cluster with two databases: <c>db1</c> (3 shards, single proxy)
/// and <c>cache</c> (1 shard, replicas on the down node 3 and on node 1); node 3 is down. Includes fields the CLI does not read.
/// </summary>
public static class ClusterFixture
{
    public const string Cluster = """
        {"name": "cluster.local", "created_time": "2025-01-01T00:00:00Z", "rack_aware": false, "email_alerts": false, "cm_port": 8443}
        """;

    public const string Nodes = """
        [
          {"uid": 2, "addr": "127.0.0.2", "status": "active", "shard_count": 2, "max_redis_servers": 100, "total_memory": 17179869184, "cores": 2, "software_version": "0.1.0", "uptime": 120},
          {"uid": 1, "addr": "127.0.0.1", "status": "active", "shard_count": 2, "max_redis_servers": 100, "total_memory": 17179869184, "cores": 2, "software_version": "0.1.0", "uptime": 130},
          {"uid": 3, "addr": "127.0.0.3", "external_addr": ["10.0.0.3"], "status": "down", "shard_count": 1, "max_redis_servers": 100, "total_memory": 8589934592, "cores": 2, "rack_id": "r3", "software_version": "0.1.0"}
        ]
        """;

    public const string NodesStatus = """
        {"1": {"role": "master", "node_status": "active", "hostname": "n1"}, "2": {"role": "slave", "node_status": "active"}, "3": {"role": "slave", "node_status": "down"}}
        """;

    public const string Db1 = """
        {"uid": 1, "name": "db1", "type": "redis", "status": "active", "memory_size": 1073741824, "shards_count": 3, "sharding": true,
         "replication": false, "shards_placement": "dense", "proxy_policy": "single", "data_persistence": "disabled", "eviction_policy": "volatile-lru",
         "port": 12000, "version": "7.0", "shard_list": [1, 2, 3], "oss_cluster": false,
         "endpoints": [{"uid": "1:1", "dns_name": "redis-12000.cluster.local", "port": 12000, "addr": ["127.0.0.1"], "addr_type": "internal", "proxy_policy": "single"}]}
        """;

    public const string Cache = """
        {"uid": 2, "name": "cache", "type": "redis", "status": "active-change-pending", "memory_size": 536870912, "shards_count": 1, "sharding": false,
         "replication": true, "shards_placement": "sparse", "proxy_policy": "all-nodes", "data_persistence": "aof", "eviction_policy": "allkeys-lru",
         "port": 12001, "shard_list": [4, 5, 6], "action_uid": "5b0e7d0a-1111-2222-3333-444455556666",
         "endpoints": [{"uid": "2:1", "dns_name": "redis-12001.cluster.local", "port": 12001, "addr": ["127.0.0.2", "10.0.0.3", "127.0.0.1"], "proxy_policy": "all-nodes"}]}
        """;

    public const string Bdbs = "[" + Cache + "," + Db1 + "]";

    public const string Shards = """
        [
          {"uid": "5", "bdb_uid": 2, "node_uid": "3", "role": "slave", "assigned_slots": "0-16383", "status": "inactive", "detailed_status": "down", "sync": {"status": "link_down"}, "redis_info": {}},
          {"uid": "1", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "0-5460", "status": "active", "detailed_status": "ok", "redis_info": {"used_memory": 2097152}},
          {"uid": "2", "bdb_uid": 1, "node_uid": "2", "role": "master", "assigned_slots": "5461-10922", "status": "active", "detailed_status": "ok", "redis_info": {"used_memory": 1048576}},
          {"uid": "3", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "10923-16383", "status": "active", "detailed_status": "ok", "redis_info": {"used_memory": 3250000}},
          {"uid": "4", "bdb_uid": 2, "node_uid": "2", "role": "master", "assigned_slots": "0-16383", "status": "active", "report_timestamp": "2025-01-01T00:00:00Z"},
          {"uid": "6", "bdb_uid": 2, "node_uid": "1", "role": "slave", "assigned_slots": "0-16383", "status": "active", "detailed_status": "ok", "sync": {"status": "idle", "progress": 2048},
           "redis_info": {"role": "slave", "master_link_status": "up", "slave_repl_offset": 1000}}
        ]
        """;

    /// <summary>Serves the whole cluster: <c>/v1/cluster</c>, <c>/v1/nodes</c>, <c>/v1/nodes/status</c>, <c>/v1/bdbs</c>, <c>/v1/bdbs/{1,2}</c> and <c>/v1/shards</c>.</summary>
    public static FakeRestServer ServeCluster(this FakeRestServer server) => server
        .OnJson("GET", "/v1/cluster", Cluster)
        .OnJson("GET", "/v1/nodes", Nodes)
        .OnJson("GET", "/v1/nodes/status", NodesStatus)
        .OnJson("GET", "/v1/bdbs", Bdbs)
        .OnJson("GET", "/v1/bdbs/1", Db1)
        .OnJson("GET", "/v1/bdbs/2", Cache)
        .OnJson("GET", "/v1/shards", Shards);

    /// <summary>A state machine answer of <c>GET /v1/actions/{uid}</c>.</summary>
    public static CannedResponse Action(string uid, string status, double progress, string state = "", string? error = null,
        string name = "SMCreateBDB", string objectName = "bdb:3") => CannedResponse.Ok(
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["action_uid"] = uid,
            ["name"] = name,
            ["object_name"] = objectName,
            ["state"] = state,
            ["status"] = status,
            ["progress"] = progress,
            ["heartbeat"] = 1735689600,
            ["error"] = error,
        }));
}
