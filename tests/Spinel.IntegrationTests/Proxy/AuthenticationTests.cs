using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>A password-protected database: NOAUTH before AUTH, AUTH and HELLO AUTH with the database password.</summary>
[Trait("Category", "Integration")]
public sealed class AuthenticationTests(PasswordNode fixture) : IClassFixture<PasswordNode>
{
    private const string NoAuth = "-NOAUTH Authentication required.";
    private const string WrongPass = "-WRONGPASS invalid username-password pair or user is disabled.";

    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task Get_BeforeAuth_RepliesNoAuth()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal(NoAuth, await client.CommandAsync("GET", "auth:key"));
        Assert.Equal(NoAuth, await client.CommandAsync("PING"));
        Assert.Equal(NoAuth, await client.CommandAsync("MULTI"));
        Assert.Equal(NoAuth, await client.CommandAsync("SUBSCRIBE", "auth:chan"));
    }

    [Fact]
    public async Task Auth_WrongPassword_RepliesWrongPassAndStaysUnauthenticated()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal(WrongPass, await client.CommandAsync("AUTH", "not-the-password"));
        Assert.Equal(WrongPass, await client.CommandAsync("AUTH", "default", "not-the-password"));
        Assert.Equal(WrongPass, await client.CommandAsync("AUTH", "someone", PasswordNode.Secret));

        Assert.Equal(NoAuth, await client.CommandAsync("GET", "auth:key"));
    }

    [Fact]
    public async Task Auth_RightPassword_CommandsWork()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("+OK", await client.CommandAsync("AUTH", PasswordNode.Secret));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            var key = Node.KeyOnShard("auth:ok", shard);
            Assert.Equal("+OK", await client.CommandAsync("SET", key, "v"));
            Assert.Equal("v", await client.CommandAsync("GET", key));
        }
    }

    [Fact]
    public async Task Auth_DefaultUserAndRightPassword_CommandsWork()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("+OK", await client.CommandAsync("AUTH", "default", PasswordNode.Secret));

        Assert.Equal("+PONG", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Hello3_WithAuthAndSetName_AuthenticatesAndNamesTheClient()
    {
        await using var client = await Node.ConnectRawAsync();

        var hello = await client.CommandTreeAsync("HELLO", "3", "AUTH", "default", PasswordNode.Secret, "SETNAME", "auth-hello");

        Assert.Equal('%', hello.Type);
        Assert.Equal("3", hello.AsMap()["proto"].Text);
        Assert.Equal("auth-hello", await client.CommandAsync("CLIENT", "GETNAME"));
        Assert.Equal("(nil)", await client.CommandAsync("GET", "auth:hello:missing"));
    }

    [Fact]
    public async Task Hello3_WithWrongPassword_RepliesWrongPassAndStaysUnauthenticated()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal(WrongPass, await client.CommandAsync("HELLO", "3", "AUTH", "default", "wrong"));

        Assert.Equal(NoAuth, await client.CommandAsync("GET", "auth:key"));
    }

    [Fact]
    public async Task Hello3_WithoutAuthBeforeAuthenticating_RepliesNoAuth()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.StartsWith("-NOAUTH HELLO must be called with the client already authenticated", await client.CommandAsync("HELLO", "3"));
    }

    [Fact]
    public async Task Reset_AfterAuth_RequiresAuthAgain()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("AUTH", PasswordNode.Secret);

        Assert.Equal("+RESET", await client.CommandAsync("RESET"));

        Assert.Equal(NoAuth, await client.CommandAsync("GET", "auth:key"));
    }

    [Fact]
    public async Task StackExchangeRedis_WithPassword_ConnectsAndRuns()
    {
        await using var connection = await Node.ConnectAsync();
        var db = connection.GetDatabase();

        await db.StringSetAsync("auth:se", "value");

        Assert.Equal("value", (string?)await db.StringGetAsync("auth:se"));
    }
}
