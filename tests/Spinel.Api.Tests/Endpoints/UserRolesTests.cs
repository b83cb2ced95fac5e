using System.Net;
using System.Security.Cryptography;
using System.Text;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

/// <summary>Users' <c>role_uids</c>, the management they get from their roles, and the digests kept for database endpoints.</summary>
public sealed class UserRolesTests
{
    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<ApiTestHost> StartWithRolesAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "app", Management = UserRole.None } });
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "members", Management = UserRole.ClusterMember } });
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "admins", Management = UserRole.Admin } });
        return host;
    }

    [Fact]
    public async Task Create_WithRoleUids_StoresThemAndThePasswordDigest()
    {
        await using var host = await StartWithRolesAsync();

        var user = await host.Client().PostJsonAsync("/v1/users", """{"name":"alice","password":"Al1ce-pass","role_uids":[1,2]}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([1, 2], user["role_uids"]!.AsArray().Select(n => (int)n!));
        Assert.Equal("none", (string?)user["role"]);
        Assert.DoesNotContain("digest", user.ToJsonString(), StringComparison.Ordinal);
        var stored = host.Store.Current.Users[2];
        Assert.Equal([1, 2], stored.RoleUids);
        Assert.Equal([Sha256Hex("Al1ce-pass")], stored.RedisPasswordDigests);
    }

    [Fact]
    public async Task Create_WithoutRoles_HasEmptyRoleUidsAndDbViewer()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var user = await host.Client().PostJsonAsync("/v1/users", """{"name":"v","password":"p"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(user["role_uids"]!.AsArray());
        Assert.Equal("db_viewer", (string?)user["role"]);
        Assert.Equal([Sha256Hex("p")], host.Store.Current.Users[2].RedisPasswordDigests);
    }

    [Fact]
    public async Task Update_Password_ReplacesTheDigest_AndRoleUidsAreKeptUnlessGiven()
    {
        await using var host = await StartWithRolesAsync();
        await host.Client().PostJsonAsync("/v1/users", """{"name":"alice","password":"old-pass","role_uids":[1]}""").ExpectAsync(HttpStatusCode.OK);

        await host.Client().PutJsonAsync("/v1/users/2", """{"password":"new-pass"}""").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([1], host.Store.Current.Users[2].RoleUids);
        Assert.Equal([Sha256Hex("new-pass")], host.Store.Current.Users[2].RedisPasswordDigests);

        await host.Client().PutJsonAsync("/v1/users/2", """{"role_uids":[]}""").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(host.Store.Current.Users[2].RoleUids);
        Assert.Equal([Sha256Hex("new-pass")], host.Store.Current.Users[2].RedisPasswordDigests);
    }

    [Theory]
    [InlineData("""{"name":"x","password":"p","role_uids":[9]}""", HttpStatusCode.NotFound, "role_not_found")]
    [InlineData("""{"name":"x","password":"p","role_uids":"1"}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("""{"name":"x","password":"p","role_uids":[0]}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    public async Task Create_WithBadRoleUids_IsRefused(string body, HttpStatusCode status, string errorCode)
    {
        await using var host = await StartWithRolesAsync();

        await host.Client().PostJsonAsync("/v1/users", body).ExpectErrorAsync(status, errorCode);

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task UserWithARole_GetsItsManagementPermissions()
    {
        await using var host = await StartWithRolesAsync();
        host.Store.Apply(new PutUser { User = new UserRecord { Name = "ops", Role = UserRole.None, RoleUids = [1, 2], PasswordHash = ApiTestHost.Hash("ops-Pass1") } });
        host.Store.Apply(new PutUser { User = new UserRecord { Name = "data", Role = UserRole.None, RoleUids = [1], PasswordHash = ApiTestHost.Hash("data-Pass1") } });

        // members grants cluster_member: read and manage databases, not users.
        await host.Client("ops", "ops-Pass1").GetOkAsync("/v1/bdbs");
        await host.Client("ops", "ops-Pass1").PostJsonAsync("/v1/users", """{"name":"x","password":"p"}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        // app alone grants no management: database access only.
        await host.Client("data", "data-Pass1").GetAsync("/v1/bdbs").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
    }

    [Fact]
    public async Task UserManager_MayNotGrantARoleThatGrantsAdmin()
    {
        await using var host = await StartWithRolesAsync();
        host.AddUser("um", "um-Pass1", UserRole.UserManager);

        await host.Client("um", "um-Pass1").PostJsonAsync("/v1/users", """{"name":"x","password":"p","role_uids":[3]}""")
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await host.Client("um", "um-Pass1").PostJsonAsync("/v1/users", """{"name":"y","password":"p","role_uids":[1]}""").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_TheOnlyAdmin_ByRole_Is406LastAdmin()
    {
        await using var host = await StartWithRolesAsync();
        host.Store.Apply(new PutUser { User = new UserRecord { Name = "root", Role = UserRole.None, RoleUids = [3], PasswordHash = ApiTestHost.Hash("root-Pass1") } });
        await host.Client("root", "root-Pass1").DeleteAsync("/v1/users/1").ExpectAsync(HttpStatusCode.OK);

        await host.Client("root", "root-Pass1").DeleteAsync("/v1/users/2").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "last_admin");
    }
}
