using System.Net;
using Spinel.Api.Bootstrap;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Tests.Endpoints;

public sealed class BootstrapEndpointsTests
{
    private const string CreateBody = """
        {"action":"create_cluster","cluster":{"name":"c.local"},"credentials":{"username":"admin@x","password":"pw"}}
        """;

    [Fact]
    public async Task Get_BeforeCluster_AnswersWithoutCredentials()
    {
        await using var host = await ApiTestHost.StartAsync();
        host.Bootstrap.Status = new BootstrapStatus("error", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), null, "connect_error", "no route");

        var body = await host.Anonymous().GetOkAsync("/v1/bootstrap");

        var status = body["bootstrap_status"]!;
        Assert.Equal("error", (string?)status["state"]);
        Assert.Equal("2025-01-02T03:04:05Z", (string?)status["start_time"]);
        Assert.Equal("connect_error", (string?)status["error_code"]);
        Assert.Equal("no route", (string?)status["error_details"]);
        var info = body["local_node_info"]!;
        Assert.Equal(Environment.ProcessorCount, (int)info["cores"]!);
        Assert.True((long)info["total_memory"]! > 0);
        Assert.False(string.IsNullOrEmpty((string?)info["os_version"]));
    }

    [Fact]
    public async Task Get_InCluster_NeedsCredentials()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Bootstrap.Status = new BootstrapStatus("completed");

        await host.Anonymous().GetAsync("/v1/bootstrap").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var body = await host.Client().GetOkAsync("/v1/bootstrap");
        Assert.Equal("completed", (string?)body["bootstrap_status"]!["state"]);
    }

    [Fact]
    public async Task CreateCluster_BeforeCluster_StartsWithoutCredentials()
    {
        await using var host = await ApiTestHost.StartAsync();

        var body = await host.Anonymous().PostJsonAsync("/v1/bootstrap/create_cluster", CreateBody).ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(body.AsObject());
        var started = Assert.IsType<CreateClusterRequest>(Assert.Single(host.Bootstrap.Starts));
        Assert.Equal(new CreateClusterRequest("c.local", "admin@x", "pw"), started);
    }

    [Fact]
    public async Task JoinCluster_BeforeCluster_StartsWithTheNodes()
    {
        await using var host = await ApiTestHost.StartAsync();
        const string Body = """
            {"action":"join_cluster","cluster":{"nodes":["127.0.0.1","127.0.0.2"]},"credentials":{"username":"admin@x","password":"pw"},
             "node":{"identity":{"rack_id":"r1"}}}
            """;

        await host.Anonymous().PostJsonAsync("/v1/bootstrap/join_cluster", Body).ExpectAsync(HttpStatusCode.OK);

        var started = Assert.IsType<JoinClusterRequest>(Assert.Single(host.Bootstrap.Starts));
        Assert.Equal(["127.0.0.1", "127.0.0.2"], started.Nodes);
        Assert.Equal(("admin@x", "pw"), (started.Username, started.Password));
    }

    [Fact]
    public async Task Post_WithActionInBodyOnly_Starts()
    {
        await using var host = await ApiTestHost.StartAsync();

        await host.Anonymous().PostJsonAsync("/v1/bootstrap", CreateBody).ExpectAsync(HttpStatusCode.OK);

        Assert.IsType<CreateClusterRequest>(Assert.Single(host.Bootstrap.Starts));
    }

    [Theory]
    [InlineData("""{"action":"create_cluster","cluster":{"name":"-bad-.local"},"credentials":{"username":"a","password":"p"}}""", "config_error", "cluster.name")]
    [InlineData("""{"action":"create_cluster","cluster":{"name":"a_b.local"},"credentials":{"username":"a","password":"p"}}""", "config_error", "cluster.name")]
    [InlineData("""{"action":"create_cluster","cluster":{"name":"c.local"},"credentials":{"username":"","password":"p"}}""", "config_error", "credentials")]
    [InlineData("""{"action":"create_cluster","cluster":{"name":"c.local"},"credentials":{"username":"a","password":""}}""", "config_error", "credentials")]
    [InlineData("""{"action":"create_cluster","cluster":{"name":"c.local"}}""", "config_error", "credentials")]
    [InlineData("""{"action":"create_cluster","cluster":{},"credentials":{"username":"a","password":"p"}}""", "config_error", "cluster.name")]
    [InlineData("""{"action":"create_cluster","cluster":{"name":7},"credentials":{"username":"a","password":"p"}}""", "invalid_schema", "cluster.name")]
    [InlineData("""{"action":"create_cluster","cluster":{"name":"c.local"},"credentials":{"username":"a","password":"p"},"bogus":1}""", "invalid_schema", "bogus")]
    public async Task CreateCluster_InvalidBody_Is406(string body, string errorCode, string named)
    {
        await using var host = await ApiTestHost.StartAsync();

        var description = await host.Anonymous().PostJsonAsync("/v1/bootstrap/create_cluster", body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, errorCode);

        Assert.Contains(named, description, StringComparison.Ordinal);
        Assert.Empty(host.Bootstrap.Starts);
    }

    [Fact]
    public async Task CreateCluster_NameOver64Characters_Is406()
    {
        await using var host = await ApiTestHost.StartAsync();
        var name = new string('a', 60) + ".local";

        await host.Anonymous().PostJsonAsync("/v1/bootstrap/create_cluster",
            $$$"""{"cluster":{"name":"{{{name}}}"},"credentials":{"username":"a","password":"p"}}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "config_error");
    }

    [Fact]
    public async Task JoinCluster_WithoutNodes_Is406()
    {
        await using var host = await ApiTestHost.StartAsync();

        await host.Anonymous().PostJsonAsync("/v1/bootstrap/join_cluster",
            """{"cluster":{"nodes":[]},"credentials":{"username":"a","password":"p"}}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "config_error");
    }

    [Fact]
    public async Task Post_ActionDiffersFromPath_Is400()
    {
        await using var host = await ApiTestHost.StartAsync();

        await host.Anonymous().PostJsonAsync("/v1/bootstrap/join_cluster", CreateBody).ExpectErrorAsync(HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Post_UnsupportedAction_Is406()
    {
        await using var host = await ApiTestHost.StartAsync();

        var description = await host.Anonymous().PostJsonAsync("/v1/bootstrap/rename_cluster",
            """{"cluster":{"name":"c.local"},"credentials":{"username":"a","password":"p"}}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "config_error");

        Assert.Contains("rename_cluster", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverCluster_BeforeCluster_StartsWithTheFileTheNodeAndTheCredentials()
    {
        await using var host = await ApiTestHost.StartAsync();

        await host.Anonymous().PostJsonAsync("/v1/bootstrap/recover_cluster",
                """{"recovery_filename":"/var/lib/spinel/ccs/cluster-store.json","node":{"identity":{"uid":2}},"credentials":{"username":"admin@x","password":"pw"}}""")
            .ExpectAsync(HttpStatusCode.OK);

        var started = Assert.IsType<RecoverClusterRequest>(Assert.Single(host.Bootstrap.Starts));
        Assert.Equal(new RecoverClusterRequest("/var/lib/spinel/ccs/cluster-store.json", 2, "admin@x", "pw"), started);
    }

    [Theory]
    [InlineData("""{"credentials":{"username":"a","password":"p"}}""", "recovery_filename")]
    [InlineData("""{"recovery_filename":"ccs/cluster-store.json","credentials":{"username":"a","password":"p"}}""", "absolute")]
    [InlineData("""{"recovery_filename":"/x.json"}""", "credentials")]
    [InlineData("""{"recovery_filename":"/x.json","node":{"identity":{"uid":0}},"credentials":{"username":"a","password":"p"}}""", "node.identity.uid")]
    public async Task RecoverCluster_InvalidBody_Is406(string body, string named)
    {
        await using var host = await ApiTestHost.StartAsync();

        var response = await host.Anonymous().PostJsonAsync("/v1/bootstrap/recover_cluster", body);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Bootstrap.Starts);
    }

    [Fact]
    public async Task Post_MalformedJson_Is400()
    {
        await using var host = await ApiTestHost.StartAsync();

        await host.Anonymous().PostJsonAsync("/v1/bootstrap/create_cluster", "{\"action\":").ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Post_ServiceRefuses_MapsItsError()
    {
        await using var host = await ApiTestHost.StartAsync();
        host.Bootstrap.Error = new OperationError(OperationErrorKind.Busy, "busy", "bootstrap already running");

        var description = await host.Anonymous().PostJsonAsync("/v1/bootstrap/create_cluster", CreateBody).ExpectErrorAsync(HttpStatusCode.Conflict, "busy");

        Assert.Equal("bootstrap already running", description);
    }

    [Fact]
    public async Task Post_InCluster_NeedsAdminCredentials()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("viewer", "pw", ControlPlane.Store.UserRole.ClusterViewer);

        await host.Anonymous().PostJsonAsync("/v1/bootstrap/create_cluster", CreateBody).ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await host.Client("viewer", "pw").PostJsonAsync("/v1/bootstrap/create_cluster", CreateBody).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        Assert.Empty(host.Bootstrap.Starts);
    }

    [Fact]
    public async Task Post_InCluster_IsNeverForwarded()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.IsLeader = false;
        host.Bootstrap.Error = new OperationError(OperationErrorKind.Busy, "busy", "already in a cluster");

        await host.Client().PostJsonAsync("/v1/bootstrap/create_cluster", CreateBody).ExpectErrorAsync(HttpStatusCode.Conflict, "busy");

        Assert.Empty(host.Leader.Requests);
    }
}
