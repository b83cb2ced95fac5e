using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class RbacCommandsTests
{
    private const string Acls = """[{"uid": 1, "name": "Full Access", "acl": "+@all ~*"}, {"uid": 2, "name": "read-app", "acl": "+@read ~app:*"}]""";
    private const string Roles = """[{"uid": 1, "name": "app", "management": "none"}, {"uid": 2, "name": "ops", "management": "db_member"}]""";

    private static async Task<FakeRestServer> StartAsync() => (await FakeRestServer.StartAsync())
        .ServeCluster()
        .OnJson("GET", "/v1/redis_acls", Acls)
        .OnJson("GET", "/v1/roles", Roles);

    [Fact]
    public async Task AclList_PrintsTheAclsInUidOrder()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "acl", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            REDIS ACLS:
            ACL:ID NAME        RULES
            acl:1  Full Access +@all ~*
            acl:2  read-app    +@read ~app:*
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task AclCreate_PostsNameAndRules()
    {
        await using var server = (await StartAsync()).OnJson("POST", "/v1/redis_acls", """{"uid": 3, "name": "writers", "acl": "+@write ~app:*"}""");

        var result = await CliRunner.RunAsync(server, "acl", "create", "--name", "writers", "--rule", "+@write ~app:*");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("POST", "/v1/redis_acls").JsonBody;
        Assert.Equal(("writers", "+@write ~app:*"), ((string?)body["name"], (string?)body["acl"]));
        Assert.Contains("OK Redis ACL 'writers' (acl:3) created", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AclCreate_RefusedRules_ShowsTheApiError()
    {
        await using var server = (await StartAsync()).On("POST", "/v1/redis_acls", CannedResponse.Error(406, "invalid_acl", "acl is not valid: 'nopass' is a user rule"));

        var result = await CliRunner.RunAsync(server, "acl", "create", "--name", "x", "--rule", "nopass");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("invalid_acl", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("read-app")]
    [InlineData("acl:2")]
    [InlineData("2")]
    public async Task AclDelete_ByNameOrUid_DeletesTheUid(string reference)
    {
        await using var server = (await StartAsync()).OnJson("DELETE", "/v1/redis_acls/2", "{}");

        var result = await CliRunner.RunAsync(server, "acl", "delete", reference);

        Assert.True(result.ExitCode == 0, result.ToString());
        server.Single("DELETE", "/v1/redis_acls/2");
        Assert.Contains("OK Redis ACL 'read-app' (acl:2) deleted", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AclDelete_Unknown_FailsWithoutDeleting()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "acl", "delete", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("redis_acl_not_found", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("DELETE", "/v1/redis_acls/2"));
    }

    [Fact]
    public async Task RoleList_PrintsTheRoles()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "role", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            ROLES:
            ROLE:ID NAME MANAGEMENT
            role:1  app  none
            role:2  ops  db_member
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task RoleCreate_PostsNameAndManagement()
    {
        await using var server = (await StartAsync()).OnJson("POST", "/v1/roles", """{"uid": 3, "name": "viewers", "management": "db_viewer"}""");

        var result = await CliRunner.RunAsync(server, "role", "create", "--name", "viewers", "--management", "db_viewer");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"name":"viewers","management":"db_viewer"}""", server.Single("POST", "/v1/roles").Body);
        Assert.Contains("OK role 'viewers' (role:3) created", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleCreate_UnknownManagement_IsAUsageError()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "role", "create", "--name", "x", "--management", "root");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.RequestsTo("POST", "/v1/roles"));
    }

    [Fact]
    public async Task RoleDelete_InUse_ShowsTheApiError()
    {
        await using var server = (await StartAsync()).On("DELETE", "/v1/roles/1", CannedResponse.Error(409, "in_use", "role 1 is held by user 2 (alice)"));

        var result = await CliRunner.RunAsync(server, "role", "delete", "app");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("in_use", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbUpdate_RolePermissions_ResolvesNamesAndPutsThemInOrder()
    {
        await using var server = (await StartAsync()).OnJson("PUT", "/v1/bdbs/1", """{"uid": 1, "name": "db1", "status": "active"}""");

        var result = await CliRunner.RunAsync(server, "db", "update", "db1", "--role-permission", "app:read-app", "--role-permission", "2:Full Access");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"roles_permissions":[{"role_uid":1,"redis_acl_uid":2},{"role_uid":2,"redis_acl_uid":1}]}""", server.Single("PUT", "/v1/bdbs/1").Body);
    }

    [Fact]
    public async Task DbUpdate_RolePermissionNone_ClearsThem()
    {
        await using var server = (await StartAsync()).OnJson("PUT", "/v1/bdbs/1", """{"uid": 1, "name": "db1", "status": "active"}""");

        var result = await CliRunner.RunAsync(server, "db", "update", "db1", "--role-permission", "none");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"roles_permissions":[]}""", server.Single("PUT", "/v1/bdbs/1").Body);
    }

    [Theory]
    [InlineData("app")]
    [InlineData("app:read-app:x")]
    [InlineData(":read-app")]
    public async Task DbUpdate_MalformedRolePermission_IsAUsageError(string value)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "db1", "--role-permission", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.RequestsTo("PUT", "/v1/bdbs/1"));
    }

    [Fact]
    public async Task DbUpdate_UnknownRole_FailsWithoutChanging()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "db1", "--role-permission", "ghost:read-app");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("role_not_found", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("PUT", "/v1/bdbs/1"));
    }
}
