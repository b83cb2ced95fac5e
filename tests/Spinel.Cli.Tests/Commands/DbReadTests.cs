using System.Text.Json.Nodes;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class DbReadTests
{
    [Fact]
    public async Task DbList_Cluster_PrintsOneRowPerDatabaseInUidOrder()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "db", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            DATABASES:
            DB:ID NAME  TYPE  STATUS                MEMORY SHARDS REPLICATION ENDPOINT
            db:1  db1   redis active                1GB    3      disabled    redis-12000.cluster.local:12000
            db:2  cache redis active-change-pending 512MB  1      enabled     redis-12001.cluster.local:12001
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task DbList_Json_PrintsTheRawList()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "db", "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ClusterFixture.Bdbs), JsonNode.Parse(result.Out)));
    }

    [Fact]
    public async Task DbInfo_ByName_ResolvesThenGetsTheDatabase()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "db", "info", "cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        server.Single("GET", "/v1/bdbs");
        server.Single("GET", "/v1/bdbs/2");
        Assert.Equal("""
            DATABASE db:2:
            FIELD            VALUE
            uid              2
            name             cache
            type             redis
            status           active-change-pending
            version          -
            memory_size      512MB (536870912 bytes)
            shards_count     1
            sharding         disabled
            replication      enabled
            shards_placement sparse
            proxy_policy     all-nodes
            eviction_policy  allkeys-lru
            data_persistence aof
            port             12001
            endpoint:2:1     redis-12001.cluster.local:12001 on 127.0.0.2, 10.0.0.3, 127.0.0.1 (all-nodes)
            shard_list       4,5,6
            action_uid       5b0e7d0a-1111-2222-3333-444455556666
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task DbInfo_Json_PrintsTheRawObject()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "db", "info", "db:1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ClusterFixture.Db1), JsonNode.Parse(result.Out)));
    }

    [Fact]
    public async Task DbInfo_NumericNameOfAnotherDb_PrefersTheUid()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("GET", "/v1/bdbs", """[{"uid": 1, "name": "2"}, {"uid": 2, "name": "cache"}]""");

        var result = await CliRunner.RunAsync(server, "db", "info", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        server.Single("GET", "/v1/bdbs/2");
    }
}
