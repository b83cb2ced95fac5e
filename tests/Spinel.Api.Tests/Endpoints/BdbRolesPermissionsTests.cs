using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class BdbRolesPermissionsTests
{
    private static async Task<ApiTestHost> StartAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.Store.Apply(new PutRedisAcl { RedisAcl = new RedisAclRecord { Name = "ro", Acl = "+@read ~*" } });
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "readers" } });
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "writers" } });
        host.Store.Apply(new PutBdb { Bdb = host.Store.Current.Bdbs[1] with { Status = BdbStatus.Active } });
        return host;
    }

    [Fact]
    public async Task Update_RolesPermissions_IsStoredAndShown()
    {
        await using var host = await StartAsync();

        var bdb = await host.Client().PutJsonAsync("/v1/bdbs/1", """{"roles_permissions":[{"role_uid":1,"redis_acl_uid":2},{"role_uid":2,"redis_acl_uid":1}]}""")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([new RolePermission(1, 2), new RolePermission(2, 1)], host.Store.Current.Bdbs[1].RolesPermissions);
        Assert.Equal("""[{"role_uid":1,"redis_acl_uid":2},{"role_uid":2,"redis_acl_uid":1}]""", bdb["roles_permissions"]!.ToJsonString());
        var read = await host.Client().GetOkAsync("/v1/bdbs/1");
        Assert.Equal(2, read["roles_permissions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Create_WithRolesPermissions_ReachesTheOperation()
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db2","memory_size":1,"roles_permissions":[{"role_uid":"1","redis_acl_uid":1}]}""").ExpectAsync(HttpStatusCode.OK);

        var (_, requested, _) = Assert.Single(host.Databases.Calls);
        Assert.Equal([new RolePermission(1, 1)], requested!.RolesPermissions);
    }

    [Fact]
    public async Task Get_WithoutBindings_HasAnEmptyList()
    {
        await using var host = await StartAsync();

        var bdb = await host.Client().GetOkAsync("/v1/bdbs/1");

        Assert.Empty(bdb["roles_permissions"]!.AsArray());
    }

    [Theory]
    [InlineData("""[{"role_uid":9,"redis_acl_uid":1}]""", HttpStatusCode.NotFound, "role_not_found")]
    [InlineData("""[{"role_uid":1,"redis_acl_uid":9}]""", HttpStatusCode.NotFound, "redis_acl_not_found")]
    [InlineData("""[{"role_uid":1}]""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""[{"role_uid":1,"redis_acl_uid":1},{"role_uid":1,"redis_acl_uid":2}]""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""[{"role_uid":1,"redis_acl_uid":1,"colour":"red"}]""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("""{"role_uid":1,"redis_acl_uid":1}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("""[1]""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    public async Task Update_BadRolesPermissions_IsRefused(string value, HttpStatusCode status, string errorCode)
    {
        await using var host = await StartAsync();

        await host.Client().PutJsonAsync("/v1/bdbs/1", $$"""{"roles_permissions":{{value}}}""").ExpectErrorAsync(status, errorCode);

        Assert.Empty(host.Databases.Calls);
    }
}
