using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class DbDeleteTests
{
    [Fact]
    public async Task DbDelete_ByName_DeletesTheUidAndWaitsUntilGone()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.On("DELETE", "/v1/bdbs/2", CannedResponse.Empty());
        server.On("GET", "/v1/bdbs/2",
            CannedResponse.Ok("""{"uid": 2, "name": "cache", "status": "delete-pending"}"""),
            CannedResponse.Error(404, "db_not_found", "no bdb 2"));

        var result = await CliRunner.RunAsync(server, "db", "delete", "cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(("admin@cluster.local", "s3cret"), server.Single("DELETE", "/v1/bdbs/2").BasicCredentials);
        Assert.Equal(2, server.RequestsTo("GET", "/v1/bdbs/2").Count);
        Assert.EndsWith("OK database 'cache' (db:2) deleted", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbDelete_AnswerNamesAnAction_WaitsForTheAction()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("DELETE", "/v1/bdbs/1", """{"action_uid": "d-1", "description": "Deleting bdb:1"}""");
        server.On("GET", "/v1/actions/d-1", ClusterFixture.Action("d-1", "active", 30), ClusterFixture.Action("d-1", "completed", 100));

        var result = await CliRunner.RunAsync(server, "db", "delete", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, server.RequestsTo("GET", "/v1/actions/d-1").Count);
        Assert.Contains("OK database 'db1' (db:1) deleted", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbDelete_NoWait_DoesNotPoll()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.On("DELETE", "/v1/bdbs/1", CannedResponse.Empty());

        var result = await CliRunner.RunAsync(server, "db", "delete", "db1", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        server.Single("DELETE", "/v1/bdbs/1");
        Assert.Empty(server.RequestsTo("GET", "/v1/bdbs/1"));
    }

    [Fact]
    public async Task DbDelete_UnknownDatabase_SendsNoDelete()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "db", "delete", "9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db_not_found", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");
    }
}
