using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class ClusterCommandsTests
{
    private static async Task<FakeRestServer> StartAsync(string action)
    {
        var server = await FakeRestServer.StartAsync();
        return server
            .On("POST", $"/v1/bootstrap/{action}", CannedResponse.Empty())
            .On("GET", "/v1/bootstrap",
                CannedResponse.Ok("""{"bootstrap_status": {"state": "initiated"}, "local_node_info": {"cores": 2}}"""),
                CannedResponse.Ok("""{"bootstrap_status": {"state": "creating_cluster"}}"""),
                CannedResponse.Ok("""{"bootstrap_status": {"state": "completed", "start_time": "2025-01-01T00:00:00Z"}}"""));
    }

    private static Dictionary<string, string> Url(FakeRestServer server) => new() { ["SPINEL_URL"] = server.Url.ToString() };

    [Fact]
    public async Task ClusterCreate_PostsTheBootstrapBodyAndWaitsForCompletion()
    {
        await using var server = await StartAsync("create_cluster");

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "create", "--name", "cluster.local", "--username", "admin@cluster.local", "--password", "pw1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var post = server.Single("POST", "/v1/bootstrap/create_cluster");
        Assert.Equal("application/json", post.ContentType);
        Assert.Equal("""{"action":"create_cluster","cluster":{"name":"cluster.local"},"credentials":{"username":"admin@cluster.local","password":"pw1"}}""", post.Body);
        var polls = server.RequestsTo("GET", "/v1/bootstrap");
        Assert.Equal(3, polls.Count);
        Assert.All(polls, p => Assert.Equal(("admin@cluster.local", "pw1"), p.BasicCredentials));
        Assert.Contains("OK cluster cluster.local created; admin user admin@cluster.local", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterCreate_RackAware_AddsPolicyAndRackId()
    {
        await using var server = await StartAsync("create_cluster");

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "create", "--name", "c.example.com", "--username", "a", "--password", "p", "--rack-aware", "--rack-id", "zone-a"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("POST", "/v1/bootstrap/create_cluster").JsonBody;
        Assert.True((bool?)body["policy"]!["rack_aware"]);
        Assert.Equal("zone-a", (string?)body["node"]!["identity"]!["rack_id"]);
    }

    [Fact]
    public async Task ClusterCreate_UserAndPasswordFromEnvironment_AreTheAdminCredentials()
    {
        await using var server = await StartAsync("create_cluster");

        var result = await CliRunner.RunAsync(server, "cluster", "create", "--name", "cluster.local");

        Assert.True(result.ExitCode == 0, result.ToString());
        var credentials = server.Single("POST", "/v1/bootstrap/create_cluster").JsonBody["credentials"]!;
        Assert.Equal("admin@cluster.local", (string?)credentials["username"]);
        Assert.Equal("s3cret", (string?)credentials["password"]);
    }

    [Fact]
    public async Task ClusterCreate_BootstrapError_PrintsItAndExits1()
    {
        await using var server = await StartAsync("create_cluster");
        server.OnJson("GET", "/v1/bootstrap", """{"bootstrap_status": {"state": "error", "error_code": "config_error", "error_details": "name is not a valid FQDN"}}""");

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "create", "--name", "bad_name", "--username", "a", "--password", "p"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("config_error: name is not a valid FQDN", result.Error.Trim());
    }

    [Fact]
    public async Task ClusterCreate_WithoutPassword_IsAUsageErrorAndSendsNothing()
    {
        await using var server = await StartAsync("create_cluster");

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "create", "--name", "cluster.local", "--username", "a"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--password is required", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ClusterJoin_PostsNodesAndCredentials()
    {
        await using var server = await StartAsync("join_cluster");

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "join", "--nodes", "127.0.0.1", "127.0.0.2", "--username", "admin@cluster.local", "--password", "pw1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"action":"join_cluster","cluster":{"nodes":["127.0.0.1","127.0.0.2"]},"credentials":{"username":"admin@cluster.local","password":"pw1"}}""",
            server.Single("POST", "/v1/bootstrap/join_cluster").Body);
        Assert.Equal(3, server.RequestsTo("GET", "/v1/bootstrap").Count);
        Assert.Contains("joined the cluster of 127.0.0.1, 127.0.0.2", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterJoin_NoWait_DoesNotPoll()
    {
        await using var server = await StartAsync("join_cluster");

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "join", "--nodes", "127.0.0.1", "--username", "a", "--password", "p", "--no-wait"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(server.RequestsTo("GET", "/v1/bootstrap"));
        Assert.DoesNotContain("joined", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterJoin_AccessDenied_PrintsTheApiErrorAndExits1()
    {
        await using var server = await StartAsync("join_cluster");
        server.On("POST", "/v1/bootstrap/join_cluster", CannedResponse.Error(400, "access_denied", "wrong cluster credentials"));

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "join", "--nodes", "127.0.0.1", "--username", "a", "--password", "p"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("access_denied: wrong cluster credentials", result.Error.Trim());
        Assert.Empty(server.RequestsTo("GET", "/v1/bootstrap"));
    }

    [Fact]
    public async Task ClusterRecover_PostsTheFileTheNodeUidAndCredentials_ThenWaits()
    {
        await using var server = await StartAsync("recover_cluster");

        var result = await CliRunner.RunAsync(Url(server),
            ["cluster", "recover", "--file", "/var/lib/spinel/ccs/cluster-store.json", "--node-uid", "2", "--username", "admin@cluster.local", "--password", "pw1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"action":"recover_cluster","recovery_filename":"/var/lib/spinel/ccs/cluster-store.json","credentials":{"username":"admin@cluster.local","password":"pw1"},"node":{"identity":{"uid":2}}}""",
            server.Single("POST", "/v1/bootstrap/recover_cluster").Body);
        Assert.Contains("cluster recovered", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterRecover_RelativeFile_IsAUsageError()
    {
        await using var server = await StartAsync("recover_cluster");

        var result = await CliRunner.RunAsync(Url(server), ["cluster", "recover", "--file", "ccs/cluster-store.json", "--username", "a", "--password", "p"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.RequestsTo("POST", "/v1/bootstrap/recover_cluster"));
    }
}
