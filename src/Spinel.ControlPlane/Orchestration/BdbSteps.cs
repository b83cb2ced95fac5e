using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>Steps shared by the database state machines.</summary>
internal static class BdbSteps
{
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static int BdbUidOf(ActionRecord action) =>
        int.Parse(action.ObjectName.AsSpan("bdb:".Length), System.Globalization.CultureInfo.InvariantCulture);

    public static string EndpointUid(int bdbUid) => $"{bdbUid}:1";

    /// <summary>The endpoint the database should have now: its port, bound on the nodes its proxy policy names.</summary>
    public static EndpointRecord DesiredEndpoint(ClusterState state, BdbRecord bdb) => new()
    {
        Uid = EndpointUid(bdb.Uid),
        BdbUid = bdb.Uid,
        Port = bdb.Port,
        ProxyPolicy = bdb.ProxyPolicy,
        NodeUids = ProxyPlacement.EndpointNodes(state, bdb, state.ShardsOf(bdb.Uid)).ToValueList(),
    };

    /// <summary>Puts the endpoint in place unless it already is, then moves on to <paramref name="nextState"/>.</summary>
    public static Task<bool> BindEndpointAsync(ActionContext context, ActionRecord action, BdbRecord bdb, string nextState, double progress,
        CancellationToken cancellationToken)
    {
        var state = context.State;
        var desired = DesiredEndpoint(state, bdb);
        var stale = state.EndpointsOf(bdb.Uid).Where(e => e.Uid != desired.Uid).Select(e => (ClusterCommand)new DeleteEndpoint { Uid = e.Uid });
        var commands = state.Endpoints.GetValueOrDefault(desired.Uid) == desired ? stale : stale.Append(new PutEndpoint { Endpoint = desired });
        return context.AdvanceAsync(action, nextState, progress, commands, cancellationToken);
    }

    /// <summary>Waits until the database's endpoints serve, then moves on; fails the action when they do not in time.</summary>
    public static async Task WaitForEndpointAsync(ActionContext context, ActionRecord action, int bdbUid, string nextState, double progress,
        Func<BdbRecord, BdbStatus> statusOnFailure, CancellationToken cancellationToken)
    {
        if (await context.WaitUntilAsync(ct => context.EndpointsServingAsync(bdbUid, ct), cancellationToken).ConfigureAwait(false))
        {
            await context.AdvanceAsync(action, nextState, progress, [], cancellationToken).ConfigureAwait(false);
            return;
        }
        await FailAsync(context, action, bdbUid, "the endpoint did not start serving on every node in time", statusOnFailure, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The action's database; when it no longer exists the action fails and null comes back.</summary>
    public static async Task<BdbRecord?> DatabaseOrFailAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var bdbUid = BdbUidOf(action);
        if (context.State.Bdbs.GetValueOrDefault(bdbUid) is { } bdb)
        {
            return bdb;
        }
        await FailActionAsync(context, action, $"bdb {bdbUid} no longer exists", cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Marks the action failed without touching its database.</summary>
    public static Task<bool> FailActionAsync(ActionContext context, ActionRecord action, string error, CancellationToken cancellationToken) =>
        context.AdvanceAsync(action, Failed, action.Progress, [], cancellationToken, ActionStatus.Failed, error);

    /// <summary>Marks the action failed and the database with the status the failure leaves it in.</summary>
    public static async Task FailAsync(ActionContext context, ActionRecord action, int bdbUid, string error,
        Func<BdbRecord, BdbStatus> statusOnFailure, CancellationToken cancellationToken)
    {
        Log.ActionFailed(context.Logger, action.Name, action.ObjectName, action.State, error);
        var commands = new List<ClusterCommand>();
        if (context.State.Bdbs.GetValueOrDefault(bdbUid) is { } bdb)
        {
            commands.Add(new PutBdb { Bdb = bdb with { Status = statusOnFailure(bdb) }, ExpectedVersion = bdb.Version });
        }
        await context.AdvanceAsync(action, Failed, action.Progress, commands, cancellationToken, ActionStatus.Failed, error).ConfigureAwait(false);
    }

    /// <summary>Ends the action with the database active.</summary>
    public static Task<bool> ActivateAsync(ActionContext context, ActionRecord action, BdbRecord bdb, CancellationToken cancellationToken) =>
        context.AdvanceAsync(action, Completed, 100,
            [new PutBdb { Bdb = bdb with { Status = BdbStatus.Active, LastChangedTime = context.Time.GetUtcNow() }, ExpectedVersion = bdb.Version }],
            cancellationToken, ActionStatus.Completed);
}
