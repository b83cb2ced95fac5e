using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>
/// Typed calls to the cluster's REST API v1 (Redis Enterprise paths and field names). Error statuses become
/// <see cref="SpinelApiException"/>; transport failures become <see cref="SpinelConnectionException"/>.
/// </summary>
internal sealed partial class SpinelApiClient(HttpClient http) : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    /// <summary>The cluster URL every path is relative to; ends with a slash.</summary>
    public Uri BaseAddress { get; } = http.BaseAddress ?? throw new ArgumentException("HttpClient.BaseAddress is required", nameof(http));

    public Task<ApiResult<ClusterInfo>> GetClusterAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/cluster", null, CliJsonContext.Default.ClusterInfo, cancellationToken);

    /// <summary><c>PUT /v1/cluster</c> with the changed settings only; the answer is the cluster object.</summary>
    public Task<ApiResult<ClusterInfo>> UpdateClusterAsync(JsonObject changes, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "v1/cluster", changes, CliJsonContext.Default.ClusterInfo, cancellationToken);

    /// <summary><c>PUT /v1/cluster/update_cert</c> with <c>name</c>, <c>certificate</c> and <c>key</c>; the answer lists the custom certificates.</summary>
    public Task<ApiResult<CertificatesInfo>> UpdateCertificateAsync(JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "v1/cluster/update_cert", body, CliJsonContext.Default.CertificatesInfo, cancellationToken);

    public Task<ApiResult<IReadOnlyList<NodeInfo>>> GetNodesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/nodes", null, CliJsonContext.Default.IReadOnlyListNodeInfo, cancellationToken);

    public Task<ApiResult<IReadOnlyDictionary<string, NodeStatusInfo>>> GetNodesStatusAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/nodes/status", null, CliJsonContext.Default.IReadOnlyDictionaryStringNodeStatusInfo, cancellationToken);

    public Task<ApiResult<IReadOnlyList<BdbInfo>>> GetBdbsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/bdbs", null, CliJsonContext.Default.IReadOnlyListBdbInfo, cancellationToken);

    public Task<ApiResult<BdbInfo>> GetBdbAsync(string uid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, BdbPath(uid), null, CliJsonContext.Default.BdbInfo, cancellationToken);

    /// <summary><c>POST /v1/bdbs</c>; the answer is the new bdb (with <c>action_uid</c> while it is being created).</summary>
    public Task<ApiResult<BdbInfo>> CreateBdbAsync(JsonObject bdb, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/bdbs", bdb, CliJsonContext.Default.BdbInfo, cancellationToken);

    /// <summary><c>PUT /v1/bdbs/{uid}</c> with the changed fields only.</summary>
    public Task<ApiResult<BdbInfo>> UpdateBdbAsync(string uid, JsonObject changes, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, BdbPath(uid), changes, CliJsonContext.Default.BdbInfo, cancellationToken);

    /// <summary><c>DELETE /v1/bdbs/{uid}</c>; the answer may be empty or name an action.</summary>
    public Task<ApiResult<ActionAccepted>> DeleteBdbAsync(string uid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, BdbPath(uid), null, CliJsonContext.Default.ActionAccepted, cancellationToken);

    /// <summary><c>PUT /v1/bdbs/{uid}/actions/rebalance?dry_run=true</c>: where every shard would run after a rebalance; nothing moves.</summary>
    public Task<ApiResult<IReadOnlyList<BlueprintEntry>>> GetRebalanceBlueprintAsync(string uid, int? maxOperations, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, RebalancePath(uid, maxOperations, dryRun: true), null, CliJsonContext.Default.IReadOnlyListBlueprintEntry, cancellationToken);

    /// <summary><c>PUT /v1/bdbs/{uid}/actions/rebalance</c>: the answer names the action that moves the shards.</summary>
    public Task<ApiResult<ActionAccepted>> RebalanceBdbAsync(string uid, int? maxOperations, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, RebalancePath(uid, maxOperations, dryRun: false), null, CliJsonContext.Default.ActionAccepted, cancellationToken);

    /// <summary><c>POST /v1/bdbs/{uid}/actions/export</c> or <c>.../import</c> with the request's locations.</summary>
    public Task<ApiResult<ActionAccepted>> TransferBdbAsync(string uid, string action, JsonObject request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v1/bdbs/{Uri.EscapeDataString(uid)}/actions/{action}", request, CliJsonContext.Default.ActionAccepted, cancellationToken);

    public Task<ApiResult<IReadOnlyList<ShardInfo>>> GetShardsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/shards", null, CliJsonContext.Default.IReadOnlyListShardInfo, cancellationToken);

    /// <summary><c>POST /v1/shards/actions/failover</c> (<c>shard_uids</c> of one database, <c>immediate</c>).</summary>
    public Task<ApiResult<ActionAccepted>> FailoverShardsAsync(JsonObject request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/shards/actions/failover", request, CliJsonContext.Default.ActionAccepted, cancellationToken);

    /// <summary><c>POST /v1/shards/actions/migrate</c> (<c>shard_uids</c>, <c>target_node_uid</c>, <c>preserve_roles</c> ...).</summary>
    public Task<ApiResult<ActionAccepted>> MigrateShardsAsync(JsonObject request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/shards/actions/migrate", request, CliJsonContext.Default.ActionAccepted, cancellationToken);

    /// <summary><c>POST /v1/nodes/{uid}/actions/remove</c>: the node's shards and endpoints move away, then it leaves.</summary>
    public Task<ApiResult<ActionAccepted>> RemoveNodeAsync(string uid, JsonObject request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/nodes/" + Uri.EscapeDataString(uid) + "/actions/remove", request, CliJsonContext.Default.ActionAccepted, cancellationToken);

    /// <summary><c>GET /v1/actions</c>; accepts Redis Enterprise's <c>{"actions", "state-machines"}</c> object or a plain array.</summary>
    public async Task<ApiResult<ActionList>> GetActionsAsync(CancellationToken cancellationToken)
    {
        var raw = await SendRawAsync(HttpMethod.Get, "v1/actions", null, cancellationToken).ConfigureAwait(false);
        if (raw.TrimStart().StartsWith('['))
        {
            var list = Deserialize(raw, CliJsonContext.Default.IReadOnlyListActionInfo);
            return new(new ActionList { Actions = list }, raw);
        }
        return new(Deserialize(raw, CliJsonContext.Default.ActionList), raw);
    }

    public Task<ApiResult<ActionInfo>> GetActionAsync(string actionUid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/actions/" + Uri.EscapeDataString(actionUid), null, CliJsonContext.Default.ActionInfo, cancellationToken);

    /// <summary><c>GET /v1/logs</c> with its query (<c>stime=...&amp;order=desc</c>, or empty); the raw array, for the caller to filter.</summary>
    public async Task<JsonArray> GetEventsAsync(string query, CancellationToken cancellationToken)
    {
        var raw = await SendRawAsync(HttpMethod.Get, "v1/logs" + (query.Length == 0 ? "" : "?" + query), null, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(raw) as JsonArray ?? throw new JsonException("not an array");
        }
        catch (JsonException ex)
        {
            throw new SpinelApiException(HttpStatusCode.OK, "unexpected_response", $"{BaseAddress} answered /v1/logs with JSON the CLI cannot read ({ex.Message})");
        }
    }

    /// <summary><c>GET /v1/bdbs/stats/last/{uid}?interval=1sec</c>: the database's one-second interval in progress.</summary>
    public Task<ApiResult<IReadOnlyList<ObjectStats>>> GetBdbStatsLastAsync(string uid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/bdbs/stats/last/" + Uri.EscapeDataString(uid) + "?interval=1sec", null, CliJsonContext.Default.IReadOnlyListObjectStats, cancellationToken);

    /// <summary><c>POST /v1/bootstrap/{action}</c> (<c>create_cluster</c>, <c>join_cluster</c>); the node then bootstraps asynchronously.</summary>
    public Task<ApiResult<ActionAccepted>> BootstrapAsync(string action, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/bootstrap/" + Uri.EscapeDataString(action), body, CliJsonContext.Default.ActionAccepted, cancellationToken);

    public Task<ApiResult<BootstrapInfo>> GetBootstrapAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/bootstrap", null, CliJsonContext.Default.BootstrapInfo, cancellationToken);

    public void Dispose() => http.Dispose();

    private static string BdbPath(string uid) => "v1/bdbs/" + Uri.EscapeDataString(uid);

    private static string RebalancePath(string uid, int? maxOperations, bool dryRun)
    {
        var query = new List<string>();
        if (dryRun)
        {
            query.Add("dry_run=true");
        }
        if (maxOperations is { } max)
        {
            query.Add("max_operations=" + max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return BdbPath(uid) + "/actions/rebalance" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, JsonObject? body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var raw = await SendRawAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        return new(string.IsNullOrWhiteSpace(raw) ? default : Deserialize(raw, type), raw);
    }

    private T? Deserialize<T>(string json, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException ex)
        {
            throw new SpinelApiException(HttpStatusCode.OK, "unexpected_response", $"{BaseAddress} answered with JSON the CLI cannot read ({ex.Message})");
        }
    }

    private async Task<string> SendRawAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        using var response = await TransmitAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ToApiException(response, text);
        }
        return text;
    }

    private async Task<HttpResponseMessage> TransmitAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SpinelConnectionException(BaseAddress, Describe(ex), ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpinelConnectionException(BaseAddress, $"no answer within {http.Timeout.TotalSeconds:0.#} s (--timeout)", ex);
        }
    }

    private static string Describe(HttpRequestException ex)
    {
        if (ex.InnerException is AuthenticationException tls)
        {
            return $"TLS handshake failed ({tls.Message}); pass --cacert <cluster certificate PEM> to trust the cluster's certificate, or --insecure to skip verification";
        }
        return ex.InnerException?.Message is { Length: > 0 } inner ? inner : ex.Message;
    }

    private static SpinelApiException ToApiException(HttpResponseMessage response, string text)
    {
        ErrorBody? error = null;
        try
        {
            error = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, CliJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            // Not the Redis Enterprise error body (e.g. a plain-text 401 from a proxy in front); fall back to the status.
        }

        var code = error?.ErrorCode is { Length: > 0 } c ? c : DefaultErrorCode(response.StatusCode);
        var description = error?.Description ?? error?.Message;
        if (string.IsNullOrEmpty(description))
        {
            description = error is null && !string.IsNullOrWhiteSpace(text) ? Shorten(text.Trim()) : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        return new SpinelApiException(response.StatusCode, code, description);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private static string DefaultErrorCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "bad_request",
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not_found",
        HttpStatusCode.NotAcceptable => "invalid_configuration",
        HttpStatusCode.Conflict => "busy",
        HttpStatusCode.InternalServerError => "internal_error",
        HttpStatusCode.ServiceUnavailable => "service_unavailable",
        _ => $"http_{(int)status}",
    };
}
