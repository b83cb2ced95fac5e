using System.Net;
using Spinel.Cli.Api;

namespace Spinel.Cli.Waiting;

/// <summary>Follows a database through <c>GET /v1/bdbs/{uid}</c> when the server names no action to poll.</summary>
internal static class BdbWaiter
{
    /// <summary>Waits until the database is <c>active</c>; fails on <c>creation-failed</c>.</summary>
    public static Task<BdbInfo> WaitActiveAsync(SpinelApiClient api, ProgressPoller poller, string uid, CancellationToken cancellationToken) =>
        poller.RunAsync($"Waiting for db:{uid}", async ct =>
        {
            var bdb = (await api.GetBdbAsync(uid, ct).ConfigureAwait(false)).Value ?? new BdbInfo { Uid = uid };
            return bdb.Status switch
            {
                "active" => (new PollState(true, 100, "active"), bdb),
                "creation-failed" => throw new ActionFailedException("creation_failed", $"database {bdb.Name ?? uid} (db:{uid}) could not be created"),
                var status => (new PollState(false, null, status ?? "unknown"), bdb),
            };
        }, cancellationToken);

    /// <summary>Waits until <c>GET /v1/bdbs/{uid}</c> answers 404.</summary>
    public static Task<bool> WaitGoneAsync(SpinelApiClient api, ProgressPoller poller, string uid, CancellationToken cancellationToken) =>
        poller.RunAsync($"Waiting for db:{uid} to be deleted", async ct =>
        {
            try
            {
                var bdb = (await api.GetBdbAsync(uid, ct).ConfigureAwait(false)).Value;
                return (new PollState(false, null, bdb?.Status ?? "unknown"), false);
            }
            catch (SpinelApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return (new PollState(true, 100, "deleted"), true);
            }
        }, cancellationToken);
}
