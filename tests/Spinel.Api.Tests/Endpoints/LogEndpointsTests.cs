using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class LogEndpointsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // Five events a minute apart: e0 at 12:00 ... e4 at 12:04.
    private static async Task<ApiTestHost> StartWithEventsAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new AppendEvents
        {
            Events = Enumerable.Range(0, 5).Select(n => new EventRecord { Type = $"e{n}", Time = Start.AddMinutes(n), Description = $"event {n}" }).ToValueList(),
        });
        return host;
    }

    private static async Task<IReadOnlyList<string?>> TypesAsync(ApiTestHost host, string query) =>
        [.. (await host.Client().GetOkAsync("/v1/logs" + query)).AsArray().Select(e => (string?)e!["type"])];

    [Fact]
    public async Task GetLogs_WritesEventsAsRedisEnterpriseDoes()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.Apply(new AppendEvents
        {
            Events =
            [
                new EventRecord
                {
                    Type = "shard_failover", Time = Start, Severity = EventSeverity.Warning, Description = "auto failover", BdbUid = 1, NodeUid = 2, ShardUid = 3,
                    ActionUid = "a-1", Data = ValueDictionary.Create(new Dictionary<string, string> { ["mode"] = "auto", ["to_node_uid"] = "3" }),
                },
                new EventRecord { Type = "cluster_node_joined", Time = Start.AddSeconds(1), NodeUid = 2 },
            ],
        });

        var events = (await host.Client().GetOkAsync("/v1/logs")).AsArray();

        Assert.Equal(
            """{"uid":1,"time":"2025-03-01T12:00:00Z","type":"shard_failover","severity":"WARNING","description":"auto failover","bdb_uid":1,"node_uid":2,"shard_uid":3,"action_uid":"a-1","mode":"auto","to_node_uid":3}""",
            events[0]!.ToJsonString());
        Assert.Equal("""{"uid":2,"time":"2025-03-01T12:00:01Z","type":"cluster_node_joined","severity":"INFO","description":"","node_uid":2}""",
            events[1]!.ToJsonString());
    }

    [Fact]
    public async Task GetLogs_WithoutEvents_IsAnEmptyList()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        Assert.Empty((await host.Client().GetOkAsync("/v1/logs")).AsArray());
    }

    [Theory]
    [InlineData("", "e0,e1,e2,e3,e4")]
    [InlineData("?order=asc", "e0,e1,e2,e3,e4")]
    [InlineData("?order=desc", "e4,e3,e2,e1,e0")]
    [InlineData("?stime=2025-03-01T12:01:00Z", "e1,e2,e3,e4")]
    [InlineData("?etime=2025-03-01T12:02:00Z", "e0,e1,e2")]
    [InlineData("?stime=2025-03-01T12:01:30Z&etime=2025-03-01T12:03:00Z", "e2,e3")]
    [InlineData("?stime=2025-03-01T13:01:00%2B01:00", "e1,e2,e3,e4")]
    [InlineData("?stime=2025-03-01T12:01:00", "e1,e2,e3,e4")]
    [InlineData("?limit=2", "e0,e1")]
    [InlineData("?limit=2&offset=2", "e2,e3")]
    [InlineData("?order=desc&limit=2&offset=1", "e3,e2")]
    [InlineData("?offset=9", "")]
    [InlineData("?stime=2025-03-01T12:01:00Z&order=desc&limit=1", "e4")]
    public async Task GetLogs_FiltersOrdersAndPages(string query, string expected)
    {
        await using var host = await StartWithEventsAsync();

        var types = await TypesAsync(host, query);

        Assert.Equal(expected, string.Join(',', types));
    }

    [Theory]
    [InlineData("?order=newest", "order")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?stime=yesterday", "stime")]
    [InlineData("?etime=", "etime")]
    [InlineData("?stime=2025-03-01T12:03:00Z&etime=2025-03-01T12:01:00Z", "after etime")]
    [InlineData("?limit=1&limit=2", "limit")]
    public async Task GetLogs_WithABadParameter_Is406(string query, string named)
    {
        await using var host = await StartWithEventsAsync();

        var description = await host.Client().GetAsync("/v1/logs" + query).ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_parameter");

        Assert.Contains(named, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLogs_WithFields_KeepsOnlyThose()
    {
        await using var host = await StartWithEventsAsync();

        var events = (await host.Client().GetOkAsync("/v1/logs?fields=time,type")).AsArray();

        Assert.All(events, e => Assert.Equal(["time", "type"], e!.Keys()));
    }

    [Fact]
    public async Task GetLogs_NeedsCredentialsButAnyRole()
    {
        await using var host = await StartWithEventsAsync();
        host.AddUser("viewer", "pw", UserRole.DbViewer);

        await host.Anonymous().GetAsync("/v1/logs").ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(5, (await host.Client("viewer", "pw").GetOkAsync("/v1/logs")).AsArray().Count);
    }
}
