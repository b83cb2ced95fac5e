using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Api.Http;
using Spinel.Api.Pipeline;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Forwarding;

/// <summary>
/// Runs writes where the cluster can take them: here on the leader, else relayed to the leader's REST API (same method,
/// path, query, body, Authorization and Content-Type, marked <c>X-Spinel-Forwarded: 1</c>) with its answer passed back.
/// A forwarded request is never forwarded again, so a stale view of the leader cannot loop. Thread-safe.
/// </summary>
internal sealed partial class LeaderForwarder(
    IClusterStore store,
    IForwardingHandlerFactory handlers,
    IOptions<SpinelApiOptions> options,
    ILogger<LeaderForwarder> logger) : IDisposable
{
    public const string ForwardedHeader = "X-Spinel-Forwarded";

    private readonly ClusterCaClient _clients = new(handlers);
    private readonly TimeSpan _timeout = options.Value.ForwardTimeout;

    /// <summary>Where a write runs: null to run it on this node (the leader); else 503 without a quorum, or the forwarding.</summary>
    public IResult? RouteWrite()
    {
        if (!store.HasQuorum)
        {
            return ApiResults.NoQuorum("the cluster has no quorum; writes are refused until it has one");
        }
        return store.IsLeader ? null : ForwardToLeaderResult.Instance;
    }

    /// <summary>Relays the request to the leader and writes its answer; 503 when there is no leader to relay to.</summary>
    public async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(ForwardedHeader))
        {
            Log.ForwardRefused(logger, request.Method, request.Path);
            await ApiResults.NoQuorum("this node received a forwarded write but is not the leader; the leader is changing").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        var state = store.Current;
        if (LeaderLocator.Find(state, store.LeaderRaftEndPoint) is not { } leader)
        {
            await ApiResults.NoQuorum("no cluster leader is known; retry once one is elected").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        Log.Forwarding(logger, request.Method, request.Path, leader.Uid, leader.Address);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(_timeout);
        try
        {
            using var message = BuildRequest(context, leader);
            using var response = await _clients.For(state).SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            await RelayAsync(response, context.Response, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            Log.ForwardFailed(logger, leader.Uid, leader.Address, ex);
            await Unreachable(leader, ex.Message).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await Unreachable(leader, $"no answer within {_timeout.TotalSeconds:0.#} s").ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    public void Dispose() => _clients.Dispose();

    private static ApiJsonResult Unreachable(NodeRecord leader, string reason) =>
        ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.LeaderUnreachable,
            $"the cluster leader (node {leader.Uid} at {leader.Address}) could not be reached: {reason}");

    private static HttpRequestMessage BuildRequest(HttpContext context, NodeRecord leader)
    {
        var request = context.Request;
        var target = new UriBuilder(Uri.UriSchemeHttps, leader.Address, leader.RestPort)
        {
            Path = (request.PathBase + request.Path).ToUriComponent(),
            Query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
        };
        var message = new HttpRequestMessage(new HttpMethod(request.Method), target.Uri);
        if (request.HasBody())
        {
            message.Content = new ReadOnlyMemoryContent(context.GetBufferedBody().Bytes);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        foreach (var name in (string[])["Authorization", "Accept"])
        {
            if (request.Headers.TryGetValue(name, out var values))
            {
                message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
        message.Headers.TryAddWithoutValidation(ForwardedHeader, "1");
        return message;
    }

    private static async Task RelayAsync(HttpResponseMessage from, HttpResponse to, CancellationToken cancellationToken)
    {
        to.StatusCode = (int)from.StatusCode;
        if (from.Content.Headers.ContentType is { } contentType)
        {
            to.ContentType = contentType.ToString();
        }
        if (from.Headers.WwwAuthenticate.Count > 0)
        {
            to.Headers.WWWAuthenticate = from.Headers.WwwAuthenticate.ToString();
        }
        await from.Content.CopyToAsync(to.Body, cancellationToken).ConfigureAwait(false);
    }
}
