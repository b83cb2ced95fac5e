using System.Net;
using System.Net.Sockets;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Hosting;

public sealed class ConnectionTests
{
    private static Dictionary<string, string> Url(string url) => new() { ["SPINEL_URL"] = url };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task AnyCommand_ConnectionRefused_Exits3AndNamesTheUrl()
    {
        var url = $"http://127.0.0.1:{FreePort()}";

        var result = await CliRunner.RunAsync(Url(url), ["db", "list"]);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the cluster at {url}/: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UrlOption_OverridesTheEnvironment()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(Url($"http://127.0.0.1:{FreePort()}"), ["node", "list", "--url", server.Url.ToString()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        server.Single("GET", "/v1/nodes");
    }

    [Fact]
    public async Task UserAndPasswordOptions_OverrideTheEnvironment()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "node", "list", "--user", "ops@example.com", "--password", "other:pw");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(("ops@example.com", "other:pw"), server.Single("GET", "/v1/nodes").BasicCredentials);
    }

    [Fact]
    public async Task NoUser_SendsNoAuthorizationHeader()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(Url(server.Url.ToString()), ["node", "list"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Null(server.Single("GET", "/v1/nodes").Authorization);
    }

    [Fact]
    public async Task Unauthorized401WithoutBody_PrintsUnauthorizedAndExits1()
    {
        await using var server = await FakeRestServer.StartAsync();
        server.On("GET", "/v1/nodes", CannedResponse.Empty(401));

        var result = await CliRunner.RunAsync(server, "node", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("unauthorized: HTTP 401 Unauthorized", result.Error.Trim());
    }

    [Fact]
    public async Task ErrorBodyWithMessageField_UsesTheMessage()
    {
        await using var server = await FakeRestServer.StartAsync();
        server.On("GET", "/v1/nodes", new CannedResponse(500, """{"error_code": "internal_error", "message": "ccs unavailable"}"""));

        var result = await CliRunner.RunAsync(server, "node", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("internal_error: ccs unavailable", result.Error.Trim());
    }

    [Fact]
    public async Task SlowServer_TimesOutAndExits3()
    {
        await using var server = await FakeRestServer.StartAsync();
        server.On("GET", "/v1/nodes", CannedResponse.Ok("[]") with { Delay = TimeSpan.FromSeconds(5) });

        var result = await CliRunner.RunAsync(server, "node", "list", "--timeout", "1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no answer within 1 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableAnswer_PrintsUnexpectedResponseAndExits1()
    {
        await using var server = await FakeRestServer.StartAsync();
        server.OnJson("GET", "/v1/nodes", """{"not": "a list"}""");

        var result = await CliRunner.RunAsync(server, "node", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("unexpected_response: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:9443")]
    [InlineData("not a url")]
    public async Task BadUrl_IsAUsageError(string url)
    {
        var result = await CliRunner.RunAsync(Url(url), ["node", "list"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an http:// or https:// URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(Url("http://127.0.0.1:1"), ["db", "explode"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("explode", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_PrintsTheCommandTreeAndExits0()
    {
        var result = await CliRunner.RunAsync(Url("http://127.0.0.1:1"), ["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "status", "db", "node", "action", "cluster", "--json", "--cacert", "--insecure", "--timeout" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }
}
