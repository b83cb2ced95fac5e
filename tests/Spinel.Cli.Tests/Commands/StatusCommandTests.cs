using System.Text.Json.Nodes;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class StatusCommandTests
{
    private const string Golden = """
        CLUSTER:
        NAME          MASTER             QUORUM
        cluster.local node:1 (127.0.0.1) OK (2/3 nodes active)

        CLUSTER HEALTH: ISSUES
        CHECK                   STATE              DETAILS
        quorum                  yes                2/3 nodes active
        leader                  node:1 (127.0.0.1) -
        failed nodes            1                  node:3 (127.0.0.3, down)
        replicas out of sync    1                  redis:5 (db:2, link_down)
        masters without replica none               -

        CLUSTER NODES:
        NODE:ID ROLE   ADDRESS   SHARDS MEMORY STATUS
        node:1  master 127.0.0.1 2/100  16GB   active
        node:2  slave  127.0.0.2 2/100  16GB   active
        node:3  slave  127.0.0.3 1/100  8GB    down

        DATABASES:
        DB:ID NAME  TYPE  STATUS                SHARDS PLACEMENT REPLICATION PERSISTENCE ENDPOINT
        db:1  db1   redis active                3      dense     disabled    disabled    redis-12000.cluster.local:12000
        db:2  cache redis active-change-pending 1      sparse    enabled     aof         redis-12001.cluster.local:12001

        ENDPOINTS:
        DB:ID NAME  ID           NODE   PORT  PROXY_POLICY
        db:1  db1   endpoint:1:1 node:1 12000 single
        db:2  cache endpoint:2:1 node:1 12001 all-nodes
        db:2  cache endpoint:2:1 node:2 12001 all-nodes
        db:2  cache endpoint:2:1 node:3 12001 all-nodes

        SHARDS:
        DB:ID NAME  ID      NODE   ROLE   SLOTS       USED_MEMORY SYNC                 WATCHDOG_STATUS STATUS
        db:1  db1   redis:1 node:1 master 0-5460      2MB         -                    ok              active
        db:1  db1   redis:2 node:2 master 5461-10922  1MB         -                    ok              active
        db:1  db1   redis:3 node:1 master 10923-16383 3.1MB       -                    ok              active
        db:2  cache redis:4 node:2 master 0-16383     -           -                    -               active
        db:2  cache redis:5 node:3 slave  0-16383     -           link_down            down            inactive
        db:2  cache redis:6 node:1 slave  0-16383     -           in_sync (2KB behind) ok              active
        """;

    [Fact]
    public async Task Status_Cluster_PrintsRladminTables()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Equal(Golden, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task Status_Cluster_ReadsTheFourCollectionsWithBasicAuth()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        await CliRunner.RunAsync(server, "status");

        foreach (var path in new[] { "/v1/cluster", "/v1/nodes", "/v1/bdbs", "/v1/shards" })
        {
            var request = server.Single("GET", path);
            Assert.Equal(("admin@cluster.local", "s3cret"), request.BasicCredentials);
        }
        Assert.DoesNotContain(server.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task Status_ServerWithoutNodesStatus_ShowsNoRolesAndNoMaster()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.On("GET", "/v1/nodes/status", CannedResponse.Error(404, "not_found", "no such path"));

        var result = await CliRunner.RunAsync(server, "status");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.TrimmedOut.Split('\n');
        Assert.Equal("cluster.local -      OK (2/3 nodes active)", lines[2]);
        Assert.Equal("node:1  -    127.0.0.1 2/100  16GB   active", lines[14]);
        Assert.Equal("leader                  none known -", lines[7]);
    }

    [Fact]
    public async Task Status_MajorityOfNodesDown_ReportsQuorumLost()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("GET", "/v1/nodes", ClusterFixture.Nodes.Replace("\"uid\": 2, \"addr\": \"127.0.0.2\", \"status\": \"active\"", "\"uid\": 2, \"addr\": \"127.0.0.2\", \"status\": \"down\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(server, "status");

        Assert.Contains("LOST (1/3 nodes active)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_PrintsTheRawBodiesUnderOneObject()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.Out)!.AsObject();
        Assert.Equal("cluster.local", (string?)json["cluster"]!["name"]);
        Assert.Equal(8443, (int?)json["cluster"]!["cm_port"]);
        Assert.Equal(3, json["nodes"]!.AsArray().Count);
        Assert.Equal(2, json["bdbs"]!.AsArray().Count);
        Assert.Equal(6, json["shards"]!.AsArray().Count);
        Assert.Equal("link_down", (string?)json["shards"]![0]!["sync"]!["status"]);
        Assert.DoesNotContain("CLUSTER", result.Out, StringComparison.Ordinal);
    }

    // The test console renders Spectre's Color.Red in 256-colour mode.
    private const string RedDown = "\u001b[38;5;9mdown";

    [Fact]
    public async Task Status_OnATerminal_ShowsDownInRed()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        var environment = new Dictionary<string, string>
        {
            ["SPINEL_URL"] = server.Url.ToString(), ["SPINEL_USER"] = "admin@cluster.local", ["SPINEL_PASSWORD"] = "s3cret",
        };

        var result = await CliRunner.RunAsync(environment, ["status"], interactive: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        var node3 = result.Out.Split('\n').Single(l => l.Contains("node:3  ", StringComparison.Ordinal) && l.Contains("127.0.0.3", StringComparison.Ordinal));
        Assert.Contains(RedDown, node3, StringComparison.Ordinal);
        var node1 = result.Out.Split('\n').Single(l => l.Contains("127.0.0.1 ", StringComparison.Ordinal) && l.Contains("master", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[38;5;9m", node1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ClusterAnswers503_PrintsTheErrorAndExits1()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.On("GET", "/v1/cluster", CannedResponse.Error(503, "no_quorum", "the cluster has no quorum"));

        var result = await CliRunner.RunAsync(server, "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("no_quorum: the cluster has no quorum", result.Error.Trim());
    }

    [Fact]
    public async Task Status_HealthyCluster_SaysHealthOk()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("GET", "/v1/nodes", ClusterFixture.Nodes.Replace("\"status\": \"down\"", "\"status\": \"active\"", StringComparison.Ordinal));
        server.OnJson("GET", "/v1/shards", """
            [{"uid": "1", "bdb_uid": 2, "node_uid": "1", "role": "master", "status": "active", "detailed_status": "ok"},
             {"uid": "2", "bdb_uid": 2, "node_uid": "2", "role": "slave", "status": "active", "detailed_status": "ok", "sync": {"status": "idle", "progress": 0}}]
            """);

        var result = await CliRunner.RunAsync(server, "status");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.TrimmedOut.Split('\n');
        Assert.Equal("CLUSTER HEALTH: OK", lines[4]);
        Assert.Equal("quorum                  yes                3/3 nodes active", lines[6]);
        Assert.Equal("masters without replica none               -", lines[10]);
    }

    [Fact]
    public async Task Status_ReplicatedMasterWhoseReplicaIsDown_IsNamedWithoutReplica()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("GET", "/v1/shards", """
            [{"uid": "1", "bdb_uid": 2, "node_uid": "1", "role": "master", "status": "active", "detailed_status": "ok"},
             {"uid": "2", "bdb_uid": 2, "node_uid": "3", "role": "slave", "status": "active", "detailed_status": "down", "sync": {"status": "link_down"}}]
            """);

        var result = await CliRunner.RunAsync(server, "status");

        Assert.Contains("replicas out of sync    1                  redis:2 (db:2, link_down)", result.Out, StringComparison.Ordinal);
        Assert.Contains("masters without replica 1                  db:2 (1 of 1)", result.Out, StringComparison.Ordinal);
    }
}
