using System.Net;
using Spinel.Api.Auth;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class UserEndpointsTests
{
    [Fact]
    public async Task List_HasFieldsButNeverThePassword()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Client().GetAsync("/v1/users");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pbkdf2", text, StringComparison.OrdinalIgnoreCase);
        var admin = Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(text)!.AsArray())!;
        Assert.Equal(1, (int)admin["uid"]!);
        Assert.Equal(ApiTestHost.AdminName, (string?)admin["name"]);
        Assert.Equal(ApiTestHost.AdminName, (string?)admin["email"]);
        Assert.Equal("admin", (string?)admin["role"]);
        Assert.Equal("active", (string?)admin["status"]);
    }

    [Fact]
    public async Task Create_StoresAHashAndAnswersWithoutThePassword()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Client().PostJsonAsync("/v1/users", """{"name":"ops","email":"ops@x.io","password":"Op-secret1","role":"cluster_member"}""");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Op-secret1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("password", text, StringComparison.Ordinal);
        var stored = host.Store.Current.Users[2];
        Assert.Equal(("ops", "ops@x.io", UserRole.ClusterMember), (stored.Name, stored.Email, stored.Role));
        Assert.True(PasswordHashing.Verify("Op-secret1", stored.PasswordHash));
        var put = Assert.IsType<PutUser>(Assert.Single(host.Store.Proposals));
        Assert.Equal(0, put.ExpectedVersion);
        Assert.DoesNotContain("Op-secret1", put.User.PasswordHash, StringComparison.Ordinal);
        await host.Client("ops@x.io", "Op-secret1").GetOkAsync("/v1/cluster");
    }

    [Fact]
    public async Task Create_DefaultRole_IsDbViewer()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var user = await host.Client().PostJsonAsync("/v1/users", """{"name":"v","password":"p"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("db_viewer", (string?)user["role"]);
        Assert.Equal(2, (int)user["uid"]!);
    }

    [Theory]
    [InlineData("""{"name":"ADMIN@x.io","password":"p"}""")]
    [InlineData("""{"name":"other","email":"admin@X.IO","password":"p"}""")]
    public async Task Create_NameOrEmailTaken_Is409(string body)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/users", body).ExpectErrorAsync(HttpStatusCode.Conflict, "user_exists");

        Assert.Empty(host.Store.Proposals);
    }

    [Theory]
    [InlineData("""{"password":"p"}""", "invalid_parameter", "name")]
    [InlineData("""{"name":"n"}""", "invalid_parameter", "password")]
    [InlineData("""{"name":"n","password":""}""", "invalid_parameter", "password")]
    [InlineData("""{"name":"n","password":"p","role":"root"}""", "invalid_parameter", "role")]
    [InlineData("""{"name":"n","password":"p","email":"no-at"}""", "invalid_parameter", "email")]
    [InlineData("""{"name":"n","password":"p","uid":4}""", "invalid_schema", "uid")]
    [InlineData("""{"name":"n","password":"p","colour":"red"}""", "invalid_schema", "colour")]
    [InlineData("""{"name":"n","password":5}""", "invalid_schema", "password")]
    public async Task Create_InvalidField_Is406(string body, string errorCode, string named)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var description = await host.Client().PostJsonAsync("/v1/users", body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, errorCode);

        Assert.Contains(named, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Existing_AndUnknown()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var user = await host.Client().GetOkAsync("/v1/users/1?fields=name");
        Assert.Equal(["name"], user.Keys());
        await host.Client().GetAsync("/v1/users/5").ExpectErrorAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task Update_ChangesOnlyTheGivenFieldsWithTheReadVersion()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var uid = host.AddUser("ops", "old", UserRole.DbViewer, "ops@x.io");
        var before = host.Store.Current.Users[uid];

        var user = await host.Client().PutJsonAsync($"/v1/users/{uid}", """{"role":"db_member","password":"new"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("db_member", (string?)user["role"]);
        Assert.Equal("ops@x.io", (string?)user["email"]);
        var put = Assert.IsType<PutUser>(Assert.Single(host.Store.Proposals));
        Assert.Equal(before.Version, put.ExpectedVersion);
        await host.Client("ops", "new").GetOkAsync("/v1/cluster");
        await host.Client("ops", "old").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Update_ChangedMeanwhile_Is409Busy()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var uid = host.AddUser("ops", "pw", UserRole.DbViewer);
        var raced = new RacingStore(host, uid);

        await raced.Client.PutJsonAsync($"/v1/users/{uid}", """{"role":"db_member"}""").ExpectErrorAsync(HttpStatusCode.Conflict, "busy");
    }

    [Fact]
    public async Task Update_DemotingTheLastAdmin_Is406()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PutJsonAsync("/v1/users/1", """{"role":"db_viewer"}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "last_admin");

        Assert.Equal(UserRole.Admin, host.Store.Current.Users[1].Role);
    }

    [Fact]
    public async Task Delete_TheLastAdmin_Is406()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().DeleteAsync("/v1/users/1").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "last_admin");

        Assert.True(host.Store.Current.Users.ContainsKey(1));
    }

    [Fact]
    public async Task Delete_RemovesTheUser()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var uid = host.AddUser("temp", "pw", UserRole.DbViewer);

        var body = await host.Client().DeleteAsync($"/v1/users/{uid}").ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(body.AsObject());
        Assert.False(host.Store.Current.Users.ContainsKey(uid));
        await host.Client().DeleteAsync($"/v1/users/{uid}").ExpectErrorAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task UserManager_ManagesUsersButNotAdmins()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("um", "pw", UserRole.UserManager);
        var manager = host.Client("um", "pw");

        var created = await manager.PostJsonAsync("/v1/users", """{"name":"dev","password":"p","role":"db_member"}""").ExpectAsync(HttpStatusCode.OK);
        await manager.PostJsonAsync("/v1/users", """{"name":"boss","password":"p","role":"admin"}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await manager.PutJsonAsync("/v1/users/1", """{"password":"taken-over"}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await manager.DeleteAsync("/v1/users/1").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await manager.DeleteAsync($"/v1/users/{(int)created["uid"]!}").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(UserRole.ClusterMember)]
    [InlineData(UserRole.DbMember)]
    [InlineData(UserRole.ClusterViewer)]
    public async Task OtherRoles_MayNotManageUsers(UserRole role)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("someone", "pw", role);

        await host.Client("someone", "pw").PostJsonAsync("/v1/users", """{"name":"x","password":"p"}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await host.Client("someone", "pw").GetOkAsync("/v1/users");
    }

    /// <summary>Changes the user in the store right after the API read it, as a concurrent writer would.</summary>
    private sealed class RacingStore
    {
        public RacingStore(ApiTestHost host, int uid)
        {
            var user = host.Store.Current.Users[uid];
            host.Store.BeforePropose = () => host.Store.Apply(new PutUser { User = user with { Email = "raced@x.io" } });
            Client = host.Client();
        }

        public HttpClient Client { get; }
    }
}
