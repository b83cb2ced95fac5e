using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Spinel.Api.Forwarding;
using Spinel.ControlPlane;

namespace Spinel.Api.Stats;

/// <summary>
/// Answers a stats request for the whole cluster: this node's records from its own history, every other node's through
/// <c>GET /v1/internal/stats/{kind}</c> (HTTPS with the cluster CA, the caller's credentials), added up per object and
/// interval. A node that does not answer in time is left out rather than failing the request.
/// </summary>
internal sealed class StatsCollector(IClusterStore store, StatsHistory history, IStatsSampler sampler, IForwardingHandlerFactory handlers) : IDisposable
{
    private readonly ClusterCaClient _clients = new(handlers);

    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(2);

    public IReadOnlyList<StatsRecord> Local(StatsKind kind, StatsQuery query, bool last) =>
        history.Query(kind, query.Interval, query.Stime, query.Etime, last ? sampler.Capture() : null);

    public async Task<IReadOnlyList<StatsRecord>> ClusterAsync(StatsKind kind, StatsQuery query, bool last, HttpContext context)
    {
        var state = store.Current;
        var self = context.Connection.LocalIpAddress?.ToString();
        var shares = new List<IReadOnlyList<StatsRecord>> { Local(kind, query, last) };
        var others = state.Nodes.Values.Where(n => n.Address != self).ToList();
        if (others.Count > 0)
        {
            var client = _clients.For(state);
            var authorization = context.Request.Headers.Authorization.ToString();
            var path = $"/v1/internal/stats/{kind.ToString().ToLowerInvariant()}?{query.ToQueryString()}{(last ? "&last=1" : "")}";
            shares.AddRange(await Task.WhenAll(others.Select(node => FetchAsync(client, $"https://{node.Address}:{node.RestPort}{path}",
                authorization, context.RequestAborted))).ConfigureAwait(false));
        }
        return last ? MergeLatest(shares) : Merge(shares.SelectMany(s => s));
    }

    /// <summary>Records of one object and interval from several nodes add up; an interval in progress ends at the latest sample.</summary>
    internal static List<StatsRecord> Merge(IEnumerable<StatsRecord> records) =>
        [.. records.GroupBy(r => (r.Uid, r.Stime))
            .Select(g => new StatsRecord(g.Key.Uid, g.Key.Stime, g.Max(r => r.Etime), Sum(g)))
            .OrderBy(r => r.Uid).ThenBy(r => r.Stime)];

    /// <summary>
    /// Each node's latest record per object, added up: the nodes' intervals in progress may have started a second apart
    /// (each samples on its own clock), and a match on the start would drop some nodes' share.
    /// </summary>
    internal static List<StatsRecord> MergeLatest(IEnumerable<IReadOnlyList<StatsRecord>> shares) =>
        [.. shares.SelectMany(share => share.GroupBy(r => r.Uid).Select(g => g.MaxBy(r => r.Stime)!))
            .GroupBy(r => r.Uid)
            .Select(g => new StatsRecord(g.Key, g.Max(r => r.Stime), g.Max(r => r.Etime), Sum(g)))
            .OrderBy(r => r.Uid)];

    private static StatsFigures Sum(IEnumerable<StatsRecord> records) => records.Select(r => r.Figures).Aggregate((a, b) => a.Plus(b));

    private static async Task<IReadOnlyList<StatsRecord>> FetchAsync(HttpClient client, string url, string authorization, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NodeTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (!string.IsNullOrEmpty(authorization))
            {
                request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
            }
            using var response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return [];
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(body, StatsJsonContext.Default.IReadOnlyListStatsRecord, timeout.Token).ConfigureAwait(false) ?? [];
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            return [];
        }
    }

    public void Dispose() => _clients.Dispose();
}
