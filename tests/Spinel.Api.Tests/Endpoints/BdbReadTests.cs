using System.Net;
using System.Text.Json.Nodes;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Endpoints;

public sealed class BdbReadTests
{
    [Fact]
    public async Task GetBdb_Existing_HasRedisEnterpriseFields()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var bdb = await host.Client().GetOkAsync("/v1/bdbs/1");

        Assert.Equal(1, (int)bdb["uid"]!);
        Assert.Equal("cache", (string?)bdb["name"]);
        Assert.Equal("redis", (string?)bdb["type"]);
        Assert.Equal("7.0", (string?)bdb["version"]);
        Assert.Equal(1L << 30, (long)bdb["memory_size"]!);
        Assert.Equal(2, (int)bdb["shards_count"]!);
        Assert.True((bool)bdb["replication"]!);
        Assert.True((bool)bdb["sharding"]!);
        Assert.Equal(@".*\{(?<tag>.*)\}.*", (string?)bdb["shard_key_regex"]![0]!["regex"]);
        Assert.Equal("dense", (string?)bdb["shards_placement"]);
        Assert.Equal("single", (string?)bdb["proxy_policy"]);
        Assert.Equal(12000, (int)bdb["port"]!);
        Assert.Equal("", (string?)bdb["authentication_redis_pass"]);
        Assert.Equal("disabled", (string?)bdb["data_persistence"]);
        Assert.Equal("appendfsync-every-sec", (string?)bdb["aof_policy"]);
        Assert.Equal("volatile-lru", (string?)bdb["eviction_policy"]);
        Assert.False((bool)bdb["oss_cluster"]!);
        Assert.Equal(0, (int)bdb["max_connections"]!);
        Assert.True((bool)bdb["slave_ha"]!);
        Assert.Equal("active", (string?)bdb["status"]);
        Assert.Equal([1, 2, 3, 4], bdb["shard_list"]!.AsArray().Select(n => (int)n!));
        Assert.Equal("2025-03-01T12:00:00Z", (string?)bdb["created_time"]);
        Assert.Equal("2025-03-01T12:00:00Z", (string?)bdb["last_changed_time"]);
        Assert.Null(bdb["action_uid"]);
    }

    [Fact]
    public async Task GetBdb_Endpoints_NameTheNodesAndTheClusterDns()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var endpoint = (await host.Client().GetOkAsync("/v1/bdbs/1"))["endpoints"]!.AsArray().Single()!;

        Assert.Equal("1:1", (string?)endpoint["uid"]);
        Assert.Equal("redis-12000.cluster.local", (string?)endpoint["dns_name"]);
        Assert.Equal(12000, (int)endpoint["port"]!);
        Assert.Equal(["127.0.0.1", "127.0.0.2"], endpoint["addr"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("all-master-shards", (string?)endpoint["proxy_policy"]);
        Assert.Equal("internal", (string?)endpoint["addr_type"]);
    }

    [Fact]
    public async Task GetBdbs_ListsEveryDatabase()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var list = (await host.Client().GetOkAsync("/v1/bdbs")).AsArray();

        Assert.Equal("cache", (string?)Assert.Single(list)!["name"]);
    }

    [Fact]
    public async Task GetBdbs_WithFields_KeepsOnlyThem()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var list = (await host.Client().GetOkAsync("/v1/bdbs?fields=uid,name,nope")).AsArray();

        Assert.Equal(["uid", "name"], Assert.Single(list)!.Keys());
    }

    [Fact]
    public async Task GetBdb_WithFields_KeepsOnlyThem()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var bdb = await host.Client().GetOkAsync("/v1/bdbs/1?fields=port&fields=status");

        Assert.Equal(["port", "status"], bdb.Keys());
    }

    [Theory]
    [InlineData("/v1/bdbs/9")]
    [InlineData("/v1/bdbs/abc")]
    [InlineData("/v1/bdbs/99999999999")]
    [InlineData("/v1/bdbs/9/shards")]
    public async Task GetBdb_Unknown_Is404(string path)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        await host.Client().GetAsync(path).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetBdbShards_ListsTheDatabasesShards()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var shards = (await host.Client().GetOkAsync("/v1/bdbs/1/shards")).AsArray();

        Assert.Equal(["1", "2", "3", "4"], shards.Select(s => (string?)s!["uid"]));
        Assert.All(shards, s => Assert.Equal(1, (int)s!["bdb_uid"]!));
    }

    [Fact]
    public async Task GetBdbs_EmptyCluster_IsEmptyArray()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var list = await host.Client().GetOkAsync("/v1/bdbs");

        Assert.IsType<JsonArray>(list);
        Assert.Empty(list.AsArray());
    }
}
