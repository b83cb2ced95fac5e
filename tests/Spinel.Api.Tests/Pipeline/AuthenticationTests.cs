using System.Net;
using System.Net.Http.Headers;
using Spinel.Api.Auth;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Pipeline;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task NoAuthorizationHeader_Is401WithBasicChallenge()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Anonymous().GetAsync("/v1/cluster");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"spinel\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("\"error_code\":\"unauthorized\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApiTestHost.AdminName, "wrong")]
    [InlineData("nobody", ApiTestHost.AdminPassword)]
    [InlineData(ApiTestHost.AdminName, "")]
    public async Task BadCredentials_Are401(string user, string password)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client(user, password).GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheUserOut_EvenWithTheRightOne_UntilTheLockoutEnds()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync(o => o.LoginLockoutDuration = TimeSpan.FromMinutes(30));
        host.AddUser("ops@x.io", "ops-Pass1", UserRole.ClusterViewer, "ops@x.io");

        for (var i = 0; i < 5; i++)
        {
            await host.Client("ops@x.io", "guess" + i).GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        var locked = await host.Client("ops@x.io", "ops-Pass1").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("locked", locked, StringComparison.Ordinal);
        // Other users are not affected.
        await host.Client().GetAsync("/v1/cluster").ExpectAsync(HttpStatusCode.OK);

        host.Time.Advance(TimeSpan.FromMinutes(31));
        await host.Client("ops@x.io", "ops-Pass1").GetAsync("/v1/cluster").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WrongPasswordsFarApart_OrBrokenByASuccess_DoNotLockOut()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("ops@x.io", "ops-Pass1", UserRole.ClusterViewer, "ops@x.io");

        for (var i = 0; i < 4; i++)
        {
            await host.Client("ops@x.io", "guess").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        await host.Client("ops@x.io", "ops-Pass1").GetAsync("/v1/cluster").ExpectAsync(HttpStatusCode.OK);
        for (var i = 0; i < 4; i++)
        {
            await host.Client("ops@x.io", "guess").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
            host.Time.Advance(TimeSpan.FromMinutes(16));
        }
        await host.Client("ops@x.io", "guess").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");

        await host.Client("ops@x.io", "ops-Pass1").GetAsync("/v1/cluster").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Basic /w==")]
    public async Task MalformedAuthorization_Is401(string header)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var client = host.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        await client.GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task UserByNameOrEmail_CaseInsensitive_IsAccepted()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("ops", "pw-ops", UserRole.ClusterViewer, email: "ops@example.com");

        await host.Client("OPS", "pw-ops").GetOkAsync("/v1/cluster");
        await host.Client("Ops@Example.com", "pw-ops").GetOkAsync("/v1/cluster");
        await host.Client("ops", "PW-OPS").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task PasswordWithColon_IsSplitAtTheFirstColon()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("colon", "a:b:c", UserRole.ClusterViewer);

        await host.Client("colon", "a:b:c").GetOkAsync("/v1/cluster");
    }

    [Fact]
    public async Task RoleNone_Is403EvenForReads()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("nobody", "pw", UserRole.None);

        await host.Client("nobody", "pw").GetAsync("/v1/bdbs").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
    }

    [Fact]
    public async Task ChangedPassword_OldOneStopsWorkingAtOnce()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var uid = host.AddUser("rotating", "old", UserRole.ClusterViewer);
        await host.Client("rotating", "old").GetOkAsync("/v1/cluster");

        var user = host.Store.Current.Users[uid];
        host.Store.Apply(new PutUser { User = user with { PasswordHash = ApiTestHost.Hash("new") } });

        await host.Client("rotating", "old").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await host.Client("rotating", "new").GetOkAsync("/v1/cluster");
    }

    [Fact]
    public async Task DeletedUser_IsRefusedAtOnce()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var uid = host.AddUser("leaving", "pw", UserRole.ClusterViewer);
        await host.Client("leaving", "pw").GetOkAsync("/v1/cluster");

        host.Store.Apply(new DeleteUser { Uid = uid });

        await host.Client("leaving", "pw").GetAsync("/v1/cluster").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public void Authenticator_RemembersSuccessesOnly()
    {
        var store = new FakeClusterStore();
        store.Apply(new CreateCluster
        {
            Cluster = new ClusterRecord { Name = "c.local", CreatedTime = DateTimeOffset.UnixEpoch },
            Admin = new UserRecord { Name = "a", Role = UserRole.Admin, PasswordHash = ApiTestHost.Hash("right") },
        });
        var authenticator = new UserAuthenticator(store, Microsoft.Extensions.Options.Options.Create(new SpinelApiOptions()), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<UserAuthenticator>.Instance);
        static string Basic(string user, string password) =>
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"))).ToString();

        Assert.NotNull(authenticator.Authenticate(Basic("a", "right")).User);
        // With the hash replaced by one no password matches, only the remembered success can still pass.
        var admin = store.Current.Users.Values.Single();
        store.Current = store.Current with { Users = store.Current.Users.SetItem(admin.Uid, admin with { PasswordHash = "pbkdf2-sha256$1$AAAA$AAAA" }) };

        Assert.NotNull(authenticator.Authenticate(Basic("a", "right")).User);
        Assert.Null(authenticator.Authenticate(Basic("a", "wrong")).User);
        Assert.Null(authenticator.Authenticate(Basic("a", "wrong")).User);
    }
}
