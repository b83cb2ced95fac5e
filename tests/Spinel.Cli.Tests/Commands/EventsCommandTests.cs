using System.Text.Json.Nodes;
using Spinel.Cli.Commands;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class EventsCommandTests
{
    // Newest first, as GET /v1/logs?order=desc answers.
    private const string Events = """
        [
          {"uid": 4, "time": "2025-03-01T12:03:00Z", "type": "shard_failover", "severity": "WARNING", "description": "auto failover of master shard 1", "bdb_uid": 1, "node_uid": 1, "shard_uid": 1, "mode": "auto"},
          {"uid": 3, "time": "2025-03-01T12:02:00Z", "type": "node_failed", "severity": "ERROR", "description": "node 1 stopped answering", "node_uid": 1},
          {"uid": 2, "time": "2025-03-01T12:01:00Z", "type": "cluster_bdb_created", "severity": "INFO", "description": "database 2 'cache' created", "bdb_uid": "2"},
          {"uid": 1, "time": "2025-03-01T12:00:00Z", "type": "cluster_bdb_created", "severity": "INFO", "description": "database 1 'db1' created", "bdb_uid": 1}
        ]
        """;

    private static async Task<FakeRestServer> ServeEventsAsync() => (await FakeRestServer.StartAsync()).ServeCluster().OnJson("GET", "/v1/logs", Events);

    [Fact]
    public async Task Events_PrintsTheNewestOldestFirst()
    {
        await using var server = await ServeEventsAsync();

        var result = await CliRunner.RunAsync(server, "events");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            TIME                 SEVERITY TYPE                OBJECT              DESCRIPTION
            2025-03-01T12:00:00Z INFO     cluster_bdb_created db:1                database 1 'db1' created
            2025-03-01T12:01:00Z INFO     cluster_bdb_created db:2                database 2 'cache' created
            2025-03-01T12:02:00Z ERROR    node_failed         node:1              node 1 stopped answering
            2025-03-01T12:03:00Z WARNING  shard_failover      db:1 redis:1 node:1 auto failover of master shard 1
            """, result.TrimmedOut.TrimEnd('\n'));
        Assert.Equal("?order=desc&limit=20", server.Single("GET", "/v1/logs").Query);
    }

    [Fact]
    public async Task Events_WithLimitAndSince_AsksTheServerForThem()
    {
        await using var server = await ServeEventsAsync();

        var result = await CliRunner.RunAsync(server, "events", "--limit", "2", "--since", "2025-03-01T12:01:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("?order=desc&stime=2025-03-01T12%3A01%3A00Z&limit=2", server.Single("GET", "/v1/logs").Query);
        Assert.Contains("node_failed", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("'cache'", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db1", "1")]
    [InlineData("db:2", "2")]
    public async Task Events_ForADatabase_ShowsOnlyItsEvents(string db, string uid)
    {
        await using var server = await ServeEventsAsync();

        var result = await CliRunner.RunAsync(server, "events", "--db", db, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var events = JsonNode.Parse(result.Out)!.AsArray();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(uid, e!["bdb_uid"]!.ToJsonString().Trim('"')));
        Assert.Equal("?order=desc", server.Single("GET", "/v1/logs").Query);
    }

    [Fact]
    public async Task Events_Json_IsTheSelectedEventsOldestFirst()
    {
        await using var server = await ServeEventsAsync();

        var result = await CliRunner.RunAsync(server, "events", "--json", "--limit", "3");

        var events = JsonNode.Parse(result.Out)!.AsArray();
        Assert.Equal([2, 3, 4], events.Select(e => (int)e!["uid"]!));
        Assert.Equal("auto", (string?)events[2]!["mode"]);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--limit", "0")]
    public async Task Events_WithABadOption_IsAUsageError(string option, string value)
    {
        await using var server = await ServeEventsAsync();

        var result = await CliRunner.RunAsync(server, "events", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.RequestsTo("GET", "/v1/logs"));
    }

    [Theory]
    [InlineData("90s", "2025-03-01T11:58:30Z")]
    [InlineData("15m", "2025-03-01T11:45:00Z")]
    [InlineData("2h", "2025-03-01T10:00:00Z")]
    [InlineData("1d", "2025-02-28T12:00:00Z")]
    [InlineData("2025-03-01T08:00:00", "2025-03-01T08:00:00Z")]
    [InlineData("2025-03-01T08:00:00+02:00", "2025-03-01T06:00:00Z")]
    public void ParseSince_ReadsDurationsAndTimes(string text, string expected)
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EventsCommand.ParseSince(text, now));
    }
}
