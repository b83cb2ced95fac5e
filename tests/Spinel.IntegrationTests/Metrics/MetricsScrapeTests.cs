using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Metrics;

/// <summary>A 3-node cluster of real processes scraped on :8070 as Prometheus would, and asked through the stats API.</summary>
[Trait("Category", "Integration")]
public sealed class MetricsScrapeTests
{
    private const int Keys = 500;

    [Fact]
    public async Task WritesThroughEndpoint_ShowInScrapeOfEveryNode()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 57);
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = "metered",
            ["memory_size"] = 200L * 1024 * 1024,
            ["shards_count"] = 2, ["sharding"] = true,
            ["shards_placement"] = "sparse",
            ["port"] = 12057,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var uid = created.Body["uid"]!.GetValue<int>();
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        var endpointNode = (await api.GetAsync($"/v1/bdbs/{uid}")).Body["endpoints"]![0]!["addr"]![0]!.GetValue<string>();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var before = WriteRequests(await ScrapeAsync(http, endpointNode), uid);
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{endpointNode}:12057"))
        {
            var db = client.GetDatabase();
            await Task.WhenAll(Enumerable.Range(0, Keys).Select(i => db.StringSetAsync($"metered:{i}", i)));
            Assert.Equal(Keys - 1, (int)await db.StringGetAsync($"metered:{Keys - 1}"));
        }

        var after = WriteRequests(await ScrapeAsync(http, endpointNode), uid);
        Assert.True(after - before >= Keys, $"endpoint_write_requests grew by {after - before}, expected at least {Keys}");

        // Each node reports its own shards, from the INFO its agent reads every 250 ms.
        await Eventually.TrueAsync(async () =>
        {
            long keys = 0;
            foreach (var node in cluster.Nodes)
            {
                keys += (long)(await ScrapeAsync(http, node.Address))
                    .Where(s => s.Name == "redis_server_db_keys" && s.Label("db") == uid.ToString() && s.Label("role") == "master")
                    .Sum(s => s.Value);
            }
            return keys == Keys;
        }, "redis_server_db_keys of the master shards adds up to the keys written", TimeSpan.FromSeconds(10));

        var scrape = await ScrapeAsync(http, cluster.Nodes[2].Address, "/v2");
        Assert.Equal(3, Single(scrape, "total_nodes_count"));
        Assert.Equal(3, Single(scrape, "total_live_nodes_count"));
        Assert.Equal(1, Single(scrape, "has_quorum"));
        Assert.Equal(1, Single(scrape, "node_metrics_up"));
        Assert.Equal(200L * 1024 * 1024, scrape.Single(s => s.Name == "db_memory_limit_bytes" && s.Label("db") == uid.ToString()).Value);
        var primaries = 0.0;
        foreach (var node in cluster.Nodes)
        {
            primaries += Single(await ScrapeAsync(http, node.Address), "is_primary");
        }
        Assert.Equal(1, primaries);
        var latency = (await ScrapeAsync(http, endpointNode))
            .Single(s => s.Name == "endpoint_write_requests_latency_histogram_count" && s.Label("db") == uid.ToString());
        Assert.True(latency.Value >= Keys, $"latency histogram count {latency.Value}");

        // The stats API of any node answers for the whole cluster: the writes went through one node's endpoint, the
        // keys live on shards of two nodes.
        using var other = cluster.Admin(2);
        await Eventually.TrueAsync(async () =>
        {
            var last = (await other.GetAsync($"/v1/bdbs/stats/last/{uid}?interval=1sec")).Body.AsArray();
            return last.Count == 1 && last[0]!["intervals"]!.AsArray() is [{ } interval] && interval["no_of_keys"]!.GetValue<long>() == Keys;
        }, "/v1/bdbs/stats/last shows the keys of every master shard", TimeSpan.FromSeconds(10));
        // An interval is there once the sample that ends it is taken (once a second on each node).
        JsonArray history = [];
        await Eventually.TrueAsync(async () =>
        {
            history = (await other.GetAsync($"/v1/bdbs/stats/{uid}?interval=1sec")).Body.AsArray().Single()!["intervals"]!.AsArray();
            return history.Sum(i => i!["write_req"]!.GetValue<long>()) >= Keys;
        }, "write_req over the 1sec intervals to add up to the writes", TimeSpan.FromSeconds(10));
        Assert.All(history, i => Assert.Equal("1sec", i!["interval"]!.GetValue<string>()));
        // A node that answers the asking node late is left out of that one answer; a later one has it.
        await Eventually.TrueAsync(async () =>
        {
            var sinceHour = (await other.GetAsync($"/v1/bdbs/stats/last/{uid}?interval=1hour")).Body[0]!["intervals"]![0]!;
            return sinceHour["write_req"]!.GetValue<long>() >= Keys || DateTime.UtcNow.Minute == 0;
        }, "the 1hour interval to hold the writes", TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(async () =>
            (await api.GetAsync("/v1/cluster/stats/last")).Body[0]!["intervals"]![0]!["no_of_keys"]!.GetValue<long>() == Keys,
            "the cluster stats to count every key", TimeSpan.FromSeconds(10));
        var bad = await api.GetAsync("/v1/bdbs/stats?interval=2sec");
        Assert.Equal(HttpStatusCode.NotAcceptable, bad.Status);
        Assert.Equal("invalid_parameter", bad.Body["error_code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotAcceptable, (await api.GetAsync("/v1/nodes/stats/last?stime=yesterday")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/v1/bdbs/stats/last/999")).Status);
    }

    internal static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient http, string address, string path = "/metrics")
    {
        using var response = await http.GetAsync($"http://{address}:8070{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static double WriteRequests(IReadOnlyList<PrometheusSample> scrape, int uid) =>
        scrape.Where(s => s.Name == "endpoint_write_requests" && s.Label("db") == uid.ToString()).Sum(s => s.Value);

    private static double Single(IReadOnlyList<PrometheusSample> scrape, string name) => scrape.Single(s => s.Name == name).Value;
}
