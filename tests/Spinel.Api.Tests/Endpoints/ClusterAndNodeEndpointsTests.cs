using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

public sealed class ClusterAndNodeEndpointsTests
{
    [Fact]
    public async Task GetCluster_NameCreatedTimeAndHaSettings_NeverTheCaKey()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Client().GetAsync("/v1/cluster");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""
            {"name":"cluster.local","created_time":"2025-03-01T12:00:00Z","failure_detection_sensitivity":"high","slave_ha":true,"slave_ha_grace_period":600}
            """.Trim(), text);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"cluster.local"}""")]
    [InlineData("""{"name":"CLUSTER.local"}""")]
    public async Task PutCluster_NoChange_AnswersTheCluster(string body)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var cluster = await host.Client().PutJsonAsync("/v1/cluster", body).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("cluster.local", (string?)cluster["name"]);
        Assert.Empty(host.Store.Proposals);
    }

    [Theory]
    [InlineData("""{"name":"other.local"}""", "name_immutable")]
    [InlineData("""{"rack_aware":true}""", "invalid_schema")]
    [InlineData("""{"created_time":"x"}""", "invalid_schema")]
    [InlineData("""{"name":3}""", "invalid_schema")]
    [InlineData("""{"failure_detection_sensitivity":"medium"}""", "invalid_parameter")]
    [InlineData("""{"failure_detection_sensitivity":"HIGH"}""", "invalid_parameter")]
    [InlineData("""{"failure_detection_sensitivity":1}""", "invalid_schema")]
    [InlineData("""{"slave_ha":"enabled"}""", "invalid_schema")]
    [InlineData("""{"slave_ha_grace_period":-1}""", "invalid_parameter")]
    [InlineData("""{"slave_ha_grace_period":1.5}""", "invalid_parameter")]
    [InlineData("""{"slave_ha_grace_period":"60"}""", "invalid_schema")]
    [InlineData("""{"slave_ha":false,"watchdog_profile":"cloud"}""", "invalid_schema")]
    public async Task PutCluster_Changes_Are406(string body, string errorCode)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PutJsonAsync("/v1/cluster", body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, errorCode);

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task PutCluster_ByNonAdmin_Is403()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);

        await host.Client("member", "pw").PutJsonAsync("/v1/cluster", "{}").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
    }

    [Fact]
    public async Task GetNodes_HaveNodeFieldsAndTheirShards()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var nodes = (await host.Client().GetOkAsync("/v1/nodes")).AsArray();

        Assert.Equal(2, nodes.Count);
        var first = nodes[0]!;
        Assert.Equal(1, (int)first["uid"]!);
        Assert.Equal("127.0.0.1", (string?)first["addr"]);
        Assert.Equal("active", (string?)first["status"]);
        Assert.Equal(2, (int)first["shard_count"]!);
        Assert.Equal([1, 2], first["shard_list"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(8L << 30, (long)first["total_memory"]!);
        Assert.Equal(100, (int)first["max_redis_servers"]!);
        Assert.Equal(Environment.ProcessorCount, (int)first["cores"]!);
        Assert.False(string.IsNullOrEmpty((string?)first["software_version"]));
        Assert.Empty(first["external_addr"]!.AsArray());
        Assert.Equal([3, 4], nodes[1]!["shard_list"]!.AsArray().Select(n => (int)n!));
    }

    [Fact]
    public async Task GetNode_ByUid_AndUnknown()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var node = await host.Client().GetOkAsync("/v1/nodes/2?fields=uid,addr");

        Assert.Equal("""{"uid":2,"addr":"127.0.0.2"}""", node.ToJsonString());
        await host.Client().GetAsync("/v1/nodes/3").ExpectErrorAsync(HttpStatusCode.NotFound, "node_not_found");
    }

    [Fact]
    public async Task GetNodesStatus_KeyedByUid_TheLeaderIsMaster()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var status = await host.Client().GetOkAsync("/v1/nodes/status");

        Assert.Equal(["1", "2"], status.Keys());
        Assert.Equal("master", (string?)status["1"]!["role"]);
        Assert.Equal("slave", (string?)status["2"]!["role"]);
        Assert.Equal("active", (string?)status["1"]!["node_status"]);
        Assert.Equal("127.0.0.2", (string?)status["2"]!["hostname"]);
        Assert.Equal([1, 2], status["1"]!["master_shards"]!.AsArray().Select(n => (int)n!));
        Assert.Equal([3, 4], status["2"]!["slave_shards"]!.AsArray().Select(n => (int)n!));
    }

    [Fact]
    public async Task GetNodesStatus_WithFields_ProjectsEachNode()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var status = await host.Client().GetOkAsync("/v1/nodes/status?fields=role");

        Assert.Equal("""{"1":{"role":"master"}}""", status.ToJsonString());
    }
}
