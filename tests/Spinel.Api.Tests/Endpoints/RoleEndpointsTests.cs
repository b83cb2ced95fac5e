using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class RoleEndpointsTests
{
    [Fact]
    public async Task Create_Get_Update_Delete_RoundTrip()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var client = host.Client();

        var created = await client.PostJsonAsync("/v1/roles", """{"name":"app","management":"db_member"}""").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["uid", "name", "management"], created.Keys());
        Assert.Equal((1, "app", "db_member"), ((int)created["uid"]!, (string?)created["name"], (string?)created["management"]));

        var changed = await client.PutJsonAsync("/v1/roles/1", """{"management":"none"}""").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("app", "none"), ((string?)changed["name"], (string?)changed["management"]));
        Assert.Single((await client.GetOkAsync("/v1/roles")).AsArray());

        await client.DeleteAsync("/v1/roles/1").ExpectAsync(HttpStatusCode.OK);
        await client.GetAsync("/v1/roles/1").ExpectErrorAsync(HttpStatusCode.NotFound, "role_not_found");
    }

    [Theory]
    [InlineData("""{"management":"db_member"}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""{"name":"r"}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""{"name":"r","management":"root"}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""{"name":"r","management":"none","resources":[]}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("""{"name":"","management":"none"}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""{"name":"TAKEN","management":"none"}""", HttpStatusCode.Conflict, "role_exists")]
    public async Task Create_Invalid_IsRefusedAndProposesNothing(string body, HttpStatusCode status, string errorCode)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "taken" } });

        await host.Client().PostJsonAsync("/v1/roles", body).ExpectErrorAsync(status, errorCode);

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task Delete_HeldByAUserOrBoundByADatabase_Is409InUse()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "readers" } });
        host.Store.Apply(new PutUser { User = new UserRecord { Name = "alice", PasswordHash = ApiTestHost.Hash("p"), RoleUids = [1] } });

        await host.Client().DeleteAsync("/v1/roles/1").ExpectErrorAsync(HttpStatusCode.Conflict, "in_use");
        host.Store.Apply(new PutUser { User = host.Store.Current.Users[2] with { RoleUids = [] } });
        host.Store.Apply(new PutBdb { Bdb = host.Store.Current.Bdbs[1] with { RolesPermissions = [new RolePermission(1, 1)] } });
        await host.Client().DeleteAsync("/v1/roles/1").ExpectErrorAsync(HttpStatusCode.Conflict, "in_use");

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task UserManager_MayManageRolesButNotAdminOnes()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("um", "um-Pass1", UserRole.UserManager);
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "admins", Management = UserRole.Admin } });
        var client = host.Client("um", "um-Pass1");

        await client.PostJsonAsync("/v1/roles", """{"name":"viewers","management":"db_viewer"}""").ExpectAsync(HttpStatusCode.OK);
        await client.PostJsonAsync("/v1/roles", """{"name":"root","management":"admin"}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await client.PutJsonAsync("/v1/roles/2", """{"management":"admin"}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await client.PutJsonAsync("/v1/roles/1", """{"management":"none"}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await client.DeleteAsync("/v1/roles/1").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
    }

    [Fact]
    public async Task Update_DemotingTheRoleOfTheLastAdmin_Is406LastAdmin()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "admins", Management = UserRole.Admin } });
        host.Store.Apply(new PutUser { User = host.Store.Current.Users[1] with { Role = UserRole.None, RoleUids = [1] } });

        await host.Client().PutJsonAsync("/v1/roles/1", """{"management":"db_viewer"}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "last_admin");

        Assert.Equal(UserRole.Admin, host.Store.Current.Roles[1].Management);
    }
}
