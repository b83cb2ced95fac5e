using Spinel.Cli.Api;

namespace Spinel.Cli.Waiting;

/// <summary>Follows <c>GET /v1/actions/{uid}</c> until the action is completed, or fails on failed/aborted/cancelled.</summary>
internal static class ActionWaiter
{
    /// <returns>The last answer, with the action completed.</returns>
    public static Task<ApiResult<ActionInfo>> WaitAsync(SpinelApiClient api, ProgressPoller poller, string actionUid, CancellationToken cancellationToken) =>
        WaitAsync(api, poller, actionUid, $"Waiting for action {actionUid}", cancellationToken);

    /// <param name="title">What the progress display calls the wait, e.g. <c>Executing shard fail-over</c>.</param>
    public static Task<ApiResult<ActionInfo>> WaitAsync(SpinelApiClient api, ProgressPoller poller, string actionUid, string title, CancellationToken cancellationToken) =>
        poller.RunAsync(title, async ct =>
        {
            var result = await api.GetActionAsync(actionUid, ct).ConfigureAwait(false);
            return (Observe(actionUid, result.Value ?? new ActionInfo { ActionUid = actionUid }), result);
        }, cancellationToken);

    /// <summary>Maps an action to a poll state; throws <see cref="ActionFailedException"/> when it ended without completing.</summary>
    public static PollState Observe(string actionUid, ActionInfo action)
    {
        var status = action.Status ?? "unknown";
        switch (status)
        {
            case "completed":
                return new PollState(true, 100, Describe(action, status));
            case "failed" or "aborted" or "cancelled":
                var reason = action.Error ?? action.ErrorMessage ?? $"ended {status}";
                var what = action.ObjectName is { } target ? $"{action.Name} ({target})" : action.Name ?? "action";
                throw new ActionFailedException(action.ErrorCode ?? $"action_{status}", $"{what} {actionUid} {status}: {reason}");
            default:
                return new PollState(false, action.Progress, Describe(action, status));
        }
    }

    private static string Describe(ActionInfo action, string status) =>
        string.Join(' ', new[] { status, action.Name, action.ObjectName, action.State }.Where(s => !string.IsNullOrEmpty(s)));
}
