using System.Net;
using Spinel.Cli.Api;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;
using Spinel.Cli.Waiting;

namespace Spinel.Cli.Commands;

internal static partial class DbCommands
{
    /// <summary>
    /// After a create or update: waits for the action the answer names, or for the database to be active when it names
    /// none, then prints the closing line with the endpoint.
    /// </summary>
    private static async Task FinishChangeAsync(CliContext context, BdbInfo answer, bool noWait, (string Noun, string Verb) change, CancellationToken cancellationToken)
    {
        var uid = answer.Uid ?? throw new SpinelApiException(HttpStatusCode.OK, "unexpected_response", "the answer names no database uid");
        var label = $"database '{answer.Name}' (db:{uid})";
        if (noWait)
        {
            context.Info(Accepted($"{change.Noun} of {label}", answer.ActionUid));
            return;
        }

        if (!await WaitForActionAsync(context, answer.ActionUid, cancellationToken).ConfigureAwait(false) && answer.Status != "active")
        {
            await BdbWaiter.WaitActiveAsync(context.Api, context.Poller, uid, cancellationToken).ConfigureAwait(false);
        }

        if (context.Json)
        {
            return;
        }
        var endpoint = Tables.Endpoint(answer);
        try
        {
            var current = (await context.Api.GetBdbAsync(uid, cancellationToken).ConfigureAwait(false)).Value;
            label = $"database '{current?.Name ?? answer.Name}' (db:{uid})";
            endpoint = current is null ? endpoint : Tables.Endpoint(current);
        }
        catch (SpinelApiException)
        {
            // The change is done; only the endpoint shown on the closing line may be older.
        }
        context.Success(endpoint == Tables.Missing ? $"{label} {change.Verb}" : $"{label} {change.Verb}, endpoint {endpoint}");
    }

    /// <summary>Waits for the named action; false when there is none to follow (no uid, or the cluster no longer knows it).</summary>
    /// <remarks>Redis Enterprise may drop a finished action's status (404), so the caller then follows the database itself.</remarks>
    private static async Task<bool> WaitForActionAsync(CliContext context, string? actionUid, CancellationToken cancellationToken)
    {
        if (actionUid is null)
        {
            return false;
        }
        try
        {
            await ActionWaiter.WaitAsync(context.Api, context.Poller, actionUid, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SpinelApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
