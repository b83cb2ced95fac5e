using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class RedisAclEndpointsTests
{
    [Fact]
    public async Task List_HasTheImmutableFullAccess()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var list = await host.Client().GetOkAsync("/v1/redis_acls");

        var fullAccess = Assert.Single(list.AsArray())!;
        Assert.Equal(["uid", "name", "acl"], fullAccess.Keys());
        Assert.Equal((1, "Full Access", "+@all ~*"), ((int)fullAccess["uid"]!, (string?)fullAccess["name"], (string?)fullAccess["acl"]));
    }

    [Fact]
    public async Task Create_Get_Update_Delete_RoundTrip()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var client = host.Client();

        var created = await client.PostJsonAsync("/v1/redis_acls", """{"name":"app-read","acl":" +@read -keys ~app:* %R~shared:* resetchannels &news "}""").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)created["uid"]!);
        Assert.Equal("+@read -keys ~app:* %R~shared:* resetchannels &news", (string?)created["acl"]);
        Assert.Equal(0, Assert.IsType<PutRedisAcl>(Assert.Single(host.Store.Proposals)).ExpectedVersion);

        var changed = await client.PutJsonAsync("/v1/redis_acls/2", """{"acl":"+get +client|kill ~app:*"}""").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("app-read", "+get +client|kill ~app:*"), ((string?)changed["name"], (string?)changed["acl"]));
        Assert.Equal("+get +client|kill ~app:*", (string?)(await client.GetOkAsync("/v1/redis_acls/2"))["acl"]);

        await client.DeleteAsync("/v1/redis_acls/2").ExpectAsync(HttpStatusCode.OK);
        await client.GetAsync("/v1/redis_acls/2").ExpectErrorAsync(HttpStatusCode.NotFound, "redis_acl_not_found");
        Assert.Single(host.Store.Current.RedisAcls.Values);
    }

    [Theory]
    [InlineData("""{"acl":"+@read"}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""{"name":"a"}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("""{"name":"a","acl":"on >secret +@all ~*"}""", HttpStatusCode.NotAcceptable, "invalid_acl")]
    [InlineData("""{"name":"a","acl":"+@all ~* nopass"}""", HttpStatusCode.NotAcceptable, "invalid_acl")]
    [InlineData("""{"name":"a","acl":"+@reed"}""", HttpStatusCode.NotAcceptable, "invalid_acl")]
    [InlineData("""{"name":"a","acl":"   "}""", HttpStatusCode.NotAcceptable, "invalid_acl")]
    [InlineData("""{"name":"a","acl":7}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("""{"name":"a","acl":"+get","min_version":"7.2"}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("""{"name":"a","acl":"+get","uid":9}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("""{"name":"full access","acl":"+get"}""", HttpStatusCode.Conflict, "redis_acl_exists")]
    [InlineData("""{"name":"a","acl":"+get""", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task Create_Invalid_IsRefusedAndProposesNothing(string body, HttpStatusCode status, string errorCode)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/redis_acls", body).ExpectErrorAsync(status, errorCode);

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task FullAccess_CannotBeChangedOrDeleted()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PutJsonAsync("/v1/redis_acls/1", """{"acl":"+@read ~*"}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "redis_acl_immutable");
        await host.Client().DeleteAsync("/v1/redis_acls/1").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "redis_acl_immutable");

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task Delete_BoundByADatabase_Is409InUse()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.Store.Apply(new PutRedisAcl { RedisAcl = new RedisAclRecord { Name = "ro", Acl = "+@read ~*" } });
        host.Store.Apply(new PutRole { Role = new RoleRecord { Name = "readers" } });
        host.Store.Apply(new PutBdb { Bdb = host.Store.Current.Bdbs[1] with { RolesPermissions = [new RolePermission(1, 2)] } });

        var description = await host.Client().DeleteAsync("/v1/redis_acls/2").ExpectErrorAsync(HttpStatusCode.Conflict, "in_use");

        Assert.Contains("database 1", description, StringComparison.Ordinal);
        Assert.True(host.Store.Current.RedisAcls.ContainsKey(2));
    }

    [Fact]
    public async Task UnknownUid_Is404()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().GetAsync("/v1/redis_acls/9").ExpectErrorAsync(HttpStatusCode.NotFound, "redis_acl_not_found");
        await host.Client().PutJsonAsync("/v1/redis_acls/9", """{"acl":"+get"}""").ExpectErrorAsync(HttpStatusCode.NotFound, "redis_acl_not_found");
        await host.Client().DeleteAsync("/v1/redis_acls/9").ExpectErrorAsync(HttpStatusCode.NotFound, "redis_acl_not_found");
    }
}
