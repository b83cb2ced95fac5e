using Spinel.Cli.Api;
using Spinel.Cli.Hosting;
using Spinel.Cli.Waiting;

namespace Spinel.Cli.Commands;

/// <summary>What the action commands (failover, migrate, node remove) do once the cluster accepted the request.</summary>
internal static class ActionFollower
{
    /// <summary>
    /// Writes the answer under <c>--json</c>; with <c>--no-wait</c> tells how to follow the action; else waits for it,
    /// showing <paramref name="title"/> and its progress.
    /// </summary>
    /// <returns>Whether the action finished (false with <c>--no-wait</c>).</returns>
    /// <exception cref="ActionFailedException">The action failed.</exception>
    public static async Task<bool> FollowAsync(CliContext context, ApiResult<ActionAccepted> accepted, string title, bool noWait, CancellationToken cancellationToken)
    {
        if (context.Json)
        {
            context.WriteJson(accepted.Json);
        }
        var actionUid = accepted.Value?.ActionUid;
        if (noWait)
        {
            context.Info(actionUid is null
                ? $"{title}: accepted, nothing to follow."
                : $"{title}: accepted as action {actionUid} (follow it with: spinel action wait {actionUid})");
            return false;
        }
        // No action: the cluster had nothing to do (e.g. the shards are on the target node already).
        if (actionUid is not null)
        {
            await ActionWaiter.WaitAsync(context.Api, context.Poller, actionUid, title, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
