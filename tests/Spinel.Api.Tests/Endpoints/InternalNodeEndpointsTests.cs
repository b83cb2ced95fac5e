using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

public sealed class InternalNodeEndpointsTests
{
    private const string JoinBody = """
        {"addr":"127.0.0.2","raft_endpoint":"127.0.0.2:3333","rest_port":9443,"total_memory":123,"max_redis_servers":100}
        """;

    [Fact]
    public async Task Join_AddsTheNodeAndAnswersItWithItsUid()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var node = await host.Client().PostJsonAsync("/v1/internal/nodes/join", JoinBody).ExpectAsync(HttpStatusCode.OK);

        var candidate = Assert.Single(host.Nodes.Joins);
        Assert.Equal(new NodeRecord { Uid = 0, Address = "127.0.0.2", RaftEndPoint = "127.0.0.2:3333", RestPort = 9443, TotalMemory = 123, MaxRedisServers = 100 }, candidate);
        Assert.Equal(2, (int)node["uid"]!);
        Assert.Equal("127.0.0.2", (string?)node["addr"]);
        Assert.Equal(123, (long)node["total_memory"]!);
    }

    [Fact]
    public async Task Join_NeedsAnAdmin()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);

        await host.Anonymous().PostJsonAsync("/v1/internal/nodes/join", JoinBody).ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await host.Client("member", "pw").PostJsonAsync("/v1/internal/nodes/join", JoinBody).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        Assert.Empty(host.Nodes.Joins);
    }

    [Theory]
    [InlineData("""{"raft_endpoint":"127.0.0.2:3333"}""", "addr")]
    [InlineData("""{"addr":"127.0.0.2"}""", "raft_endpoint")]
    [InlineData("""{"addr":"node-two","raft_endpoint":"127.0.0.2:3333"}""", "addr")]
    [InlineData("""{"addr":"127.0.0.2","raft_endpoint":"127.0.0.2"}""", "raft_endpoint")]
    [InlineData("""{"addr":"127.0.0.2","raft_endpoint":"127.0.0.2:3333","rest_port":70000}""", "rest_port")]
    [InlineData("""{"addr":"127.0.0.2","raft_endpoint":"127.0.0.2:3333","uid":3}""", "uid")]
    public async Task Join_InvalidBody_Is406(string body, string named)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var error = await host.Client().PostJsonAsync("/v1/internal/nodes/join", body).ExpectAsync(HttpStatusCode.NotAcceptable);

        Assert.Contains(named, (string?)error["description"], StringComparison.Ordinal);
        Assert.Empty(host.Nodes.Joins);
    }

    [Fact]
    public async Task Join_OperationFails_MapsTheError()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Nodes.Error = new OperationError(OperationErrorKind.Unavailable, "no_quorum", "catch-up timed out");

        await host.Client().PostJsonAsync("/v1/internal/nodes/join", JoinBody).ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");
    }

    [Fact]
    public async Task JoinCredentials_Admin_GetsTheClusterCaWithoutABody()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Client().PostAsync("/v1/internal/nodes/join_credentials", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("cluster.local", ApiTestHost.CaPem, "KEY"), ((string?)body["cluster_name"], (string?)body["ca_cert"], (string?)body["ca_key"]));
        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task JoinCredentials_NeedsAnAdmin()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);

        await host.Anonymous().PostJsonAsync("/v1/internal/nodes/join_credentials", "{}").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var refused = await host.Client("member", "pw").PostJsonAsync("/v1/internal/nodes/join_credentials", "{}")
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        Assert.DoesNotContain("KEY", refused, StringComparison.Ordinal);
    }
}
