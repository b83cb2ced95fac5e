using System.Text.Json.Nodes;
using Spectre.Console.Testing;
using Spinel.Cli.Api;
using Spinel.Cli.Rendering;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class StatsCommandTests
{
    // 1500 requests at 2000 ops/s: the interval in progress is 0.75 s old, though stime and etime show the same second.
    private const string Db1Stats = """
        [{"uid": "1", "intervals": [{"interval": "1sec", "stime": "2025-03-01T12:00:00Z", "etime": "2025-03-01T12:00:00Z",
          "avg_latency": 212.5, "conns": 3, "egress_bytes": 5120, "ingress_bytes": 2048, "evicted_objects": 0, "expired_objects": 0,
          "instantaneous_ops_per_sec": 2000, "used_memory": 3145728, "no_of_keys": 500, "read_hits": 900, "read_misses": 100,
          "read_req": 1000, "write_req": 400, "other_req": 100, "total_req": 1500}]}]
        """;

    private const string StatsPath = "/v1/bdbs/stats/last/1";

    private static async Task<FakeRestServer> ServeStatsAsync(string stats = Db1Stats) =>
        (await FakeRestServer.StartAsync()).ServeCluster().OnJson("GET", StatsPath, stats);

    [Theory]
    [InlineData("db1")]
    [InlineData("1")]
    [InlineData("db:1")]
    public async Task StatsDb_PrintsTheIntervalInProgressAsRatesPerSecond(string db)
    {
        await using var server = await ServeStatsAsync();

        var result = await CliRunner.RunAsync(server, "stats", "db", db);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            STATS db:1 (db1) at 2025-03-01T12:00:00Z:
            OPS/S READS/S WRITES/S OTHER/S AVG LATENCY CONNS USED MEMORY KEYS INGRESS  EGRESS
            2000  1333.3  533.3    133.3   212.5 µs    3     3MB         500  2.67KB/s 6.67KB/s
            """, result.TrimmedOut.TrimEnd('\n'));
        Assert.Equal("?interval=1sec", server.Single("GET", StatsPath).Query);
    }

    [Fact]
    public async Task StatsDb_Json_PrintsTheRawAnswer()
    {
        await using var server = await ServeStatsAsync();

        var result = await CliRunner.RunAsync(server, "stats", "db", "db1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Db1Stats), JsonNode.Parse(result.Out)), result.Out);
    }

    [Fact]
    public async Task StatsDb_UnknownDatabase_FailsWithoutAskingForStats()
    {
        await using var server = await ServeStatsAsync();

        var result = await CliRunner.RunAsync(server, "stats", "db", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db_not_found: no database with uid or name 'nope'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Path.Contains("/stats", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatsDb_ClusterWithoutStatsApi_SaysSo()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "stats", "db", "db1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stats_unavailable", result.Error, StringComparison.Ordinal);
        Assert.Contains("has no stats API", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task StatsDb_DatabaseDeletedMeanwhile_IsDbNotFound()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster()
            .On("GET", StatsPath, CannedResponse.Error(404, "db_not_found", "database 1 does not exist"));

        var result = await CliRunner.RunAsync(server, "stats", "db", "db1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db_not_found: database 1 does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsDb_NoIntervalYet_SaysSo()
    {
        await using var server = await ServeStatsAsync("""[{"uid": "1", "intervals": []}]""");

        var result = await CliRunner.RunAsync(server, "stats", "db", "db1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No figures yet", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsDb_Interval_RefreshesUntilCtrlC()
    {
        await using var server = await ServeStatsAsync();

        var result = await CliRunner.RunUntilAsync(server, TimeSpan.FromSeconds(1), false, "stats", "db", "db1", "--interval", "0.1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Error);
        var refreshes = server.RequestsTo("GET", StatsPath).Count;
        Assert.True(refreshes >= 2, $"{refreshes} refreshes");
        Assert.Equal(refreshes, result.Out.Split("STATS db:1").Length - 1);
    }

    [Fact]
    public async Task StatsDb_WatchJson_PrintsOneAnswerPerLine()
    {
        await using var server = await ServeStatsAsync();

        var result = await CliRunner.RunUntilAsync(server, TimeSpan.FromSeconds(1), false, "stats", "db", "db1", "--interval", "0.1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 2, result.ToString());
        Assert.All(lines, line => Assert.Equal("1", (string?)JsonNode.Parse(line)![0]!["uid"]));
    }

    [Fact]
    public async Task StatsDb_WatchOnATerminal_UpdatesALiveDisplay()
    {
        await using var server = await ServeStatsAsync();

        var result = await CliRunner.RunUntilAsync(server, TimeSpan.FromSeconds(1.5), true, "stats", "db", "db1", "--watch");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1333.3", result.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats", "db")]
    [InlineData("stats", "db", "db1", "--interval", "0")]
    [InlineData("stats", "db", "db1", "--interval", "often")]
    [InlineData("stats", "db", "db1", "--bogus")]
    public async Task StatsDb_BadCommandLine_IsAUsageError(params string[] args)
    {
        await using var server = await ServeStatsAsync();

        var result = await CliRunner.RunAsync(server, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.RequestsTo("GET", StatsPath));
    }

    [Fact]
    public void Rates_WithoutRequests_UseTheIntervalTimes()
    {
        var interval = new StatsIntervalInfo
        {
            Stime = "2025-03-01T12:00:00Z", Etime = "2025-03-01T12:00:10Z", OpsPerSecond = 0, TotalRequests = 0,
            IngressBytes = 1000, EgressBytes = 20,
        };

        var rates = StatsRates.From(interval);

        Assert.Equal((0, 100, 2), (rates.Ops, rates.IngressBytes, rates.EgressBytes));
    }

    [Fact]
    public void Render_LatencyOfAMillisecondOrMore_IsInMilliseconds()
    {
        var console = new TestConsole().Width(CliRunner.Width);

        StatsRenderer.Render(console, new BdbInfo { Uid = "3", Name = "orders" }, new StatsIntervalInfo { AverageLatencyMicroseconds = 1530, TotalRequests = 0 });

        Assert.Contains("1.53 ms", console.Output, StringComparison.Ordinal);
        Assert.Contains("STATS db:3 (orders):", console.Output, StringComparison.Ordinal);
    }
}
