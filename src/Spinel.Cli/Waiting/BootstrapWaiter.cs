using Spinel.Cli.Api;

namespace Spinel.Cli.Waiting;

/// <summary>Follows <c>GET /v1/bootstrap</c> until <c>bootstrap_status.state</c> is <c>completed</c>; fails on <c>error</c>.</summary>
internal static class BootstrapWaiter
{
    public static Task<BootstrapStatus> WaitAsync(SpinelApiClient api, ProgressPoller poller, string title, CancellationToken cancellationToken) =>
        poller.RunAsync(title, async ct =>
        {
            var status = (await api.GetBootstrapAsync(ct).ConfigureAwait(false)).Value?.BootstrapStatus ?? new BootstrapStatus();
            return status.State switch
            {
                "completed" => (new PollState(true, 100, "completed"), status),
                "error" => throw new ActionFailedException(status.ErrorCode ?? "bootstrap_error", status.ErrorDetails ?? "the node reported a bootstrap error"),
                var state => (new PollState(false, null, state ?? "unknown"), status),
            };
        }, cancellationToken);
}
