using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

/// <summary><c>/v1/bdbs/{uid}/passwords</c> and <c>default_user</c>: what each request asks the database operation to store.</summary>
public sealed class BdbPasswordsTests
{
    private static async Task<ApiTestHost> StartAsync(string? password = "old", params string[] more)
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        var bdb = host.Store.Current.Bdbs[1];
        host.Store.Apply(new PutBdb { Bdb = bdb with { AuthenticationRedisPass = password, AdditionalPasswords = [.. more] }, ExpectedVersion = bdb.Version });
        return host;
    }

    private static string Passwords(ApiTestHost host)
    {
        var desired = host.Databases.Calls[^1].Bdb!;
        return string.Join(',', desired.AdditionalPasswords.Prepend(desired.AuthenticationRedisPass ?? "(none)"));
    }

    [Fact]
    public async Task Post_AddsAPasswordBesideTheOld()
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync("/v1/bdbs/1/passwords", """{"password":"new"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("old,new", Passwords(host));
    }

    [Fact]
    public async Task Delete_RemovesOne_TheNextBecomesTheFirst()
    {
        await using var host = await StartAsync("old", "new", "newer");

        await host.Client().SendJsonAsync(HttpMethod.Delete, "/v1/bdbs/1/passwords", """{"password":"old"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("new,newer", Passwords(host));
    }

    [Fact]
    public async Task Put_ReplacesEveryPassword()
    {
        await using var host = await StartAsync("old", "new");

        await host.Client().PutJsonAsync("/v1/bdbs/1/passwords", """{"password":"only"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("only", Passwords(host));
    }

    [Fact]
    public async Task Post_OnAnOpenDatabase_SetsItsFirstPassword()
    {
        await using var host = await StartAsync(password: null);

        await host.Client().PostJsonAsync("/v1/bdbs/1/passwords", """{"password":"first"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("first", Passwords(host));
    }

    [Theory]
    [InlineData("POST", """{"password":"old"}""", HttpStatusCode.NotAcceptable, "password_exists")]
    [InlineData("DELETE", """{"password":"old"}""", HttpStatusCode.NotAcceptable, "last_password")]
    [InlineData("DELETE", """{"password":"nope"}""", HttpStatusCode.NotFound, "password_not_exist")]
    [InlineData("PUT", """{"password":""}""", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    [InlineData("PUT", """{"password":7}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("PUT", """{"pass":"x"}""", HttpStatusCode.NotAcceptable, "invalid_schema")]
    [InlineData("PUT", "{}", HttpStatusCode.NotAcceptable, "invalid_parameter")]
    public async Task BadRequests_AreRefusedAndChangeNothing(string method, string body, HttpStatusCode status, string errorCode)
    {
        await using var host = await StartAsync();

        await host.Client().SendJsonAsync(new HttpMethod(method), "/v1/bdbs/1/passwords", body).ExpectErrorAsync(status, errorCode);

        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task SettingAuthenticationRedisPass_ReplacesEveryPassword_AndDefaultUserComesBack()
    {
        await using var host = await StartAsync("old", "new");

        var bdb = await host.Client().PutJsonAsync("/v1/bdbs/1", """{"authentication_redis_pass":"reset","default_user":false}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("reset", Passwords(host));
        Assert.False(host.Databases.Calls[^1].Bdb!.DefaultUser);
        Assert.False((bool?)bdb["default_user"]);
    }

    [Fact]
    public async Task ViewerMayNotChangePasswords()
    {
        await using var host = await StartAsync();
        host.AddUser("viewer@x.io", "viewer-Pass1", UserRole.DbViewer, "viewer@x.io");

        var response = await host.Client("viewer@x.io", "viewer-Pass1").PostJsonAsync("/v1/bdbs/1/passwords", """{"password":"mine"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Databases.Calls);
    }
}
