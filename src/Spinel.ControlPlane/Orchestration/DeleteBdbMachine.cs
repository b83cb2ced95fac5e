using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMDeleteBDB</c>: unbinds the endpoint first (clients stop arriving), then removes the shards (node agents stop
/// the processes), waits until they are gone, and removes the database record.
/// </summary>
internal sealed class DeleteBdbMachine : IActionMachine
{
    public const string UnbindEndpoint = "unbind_endpoint";
    public const string RemoveShards = "remove_shards";
    public const string WaitForShutdown = "wait_for_shutdown";
    public const string RemoveBdb = "remove_bdb";

    public string Name => ActionNames.DeleteBdb;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var bdbUid = BdbSteps.BdbUidOf(action);
        var state = context.State;
        switch (action.State)
        {
            case UnbindEndpoint:
                await context.AdvanceAsync(action, RemoveShards, 25,
                    state.EndpointsOf(bdbUid).Select(e => (ClusterCommand)new DeleteEndpoint { Uid = e.Uid }), cancellationToken).ConfigureAwait(false);
                break;
            case RemoveShards:
                var shards = state.ShardsOf(bdbUid).Select(s => s.Uid).ToValueList();
                var removal = state.Bdbs.ContainsKey(bdbUid) && shards.Count > 0
                    ? [new DeleteShards { BdbUid = bdbUid, ShardUids = shards }]
                    : Array.Empty<ClusterCommand>();
                // The ports are what the agents give up; remember them so the next step can watch them close.
                var ports = string.Join(',', state.ShardsOf(bdbUid).Select(s => $"{s.NodeUid}:{s.Port}"));
                await context.AdvanceAsync(action with { Data = action.Data.SetItem("shard_ports", ports) }, WaitForShutdown, 50, removal,
                    cancellationToken).ConfigureAwait(false);
                break;
            case WaitForShutdown:
                // A shard that does not stop in time is the agent's to reap (it kills orphans); the delete goes on.
                await context.WaitUntilAsync(ct => ShardsStoppedAsync(context, action, ct), cancellationToken).ConfigureAwait(false);
                await context.AdvanceAsync(action, RemoveBdb, 80, [], cancellationToken).ConfigureAwait(false);
                break;
            case RemoveBdb:
                var bdb = context.State.Bdbs.GetValueOrDefault(bdbUid);
                await context.AdvanceAsync(action, BdbSteps.Completed, 100,
                    bdb is null ? [] : [new DeleteBdb { Uid = bdbUid, ExpectedVersion = bdb.Version }],
                    cancellationToken, ActionStatus.Completed).ConfigureAwait(false);
                break;
            default:
                await BdbSteps.FailActionAsync(context, action, $"unknown state {action.State}", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static async Task<bool> ShardsStoppedAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        var state = context.State;
        foreach (var entry in (action.Data.GetValueOrDefault("shard_ports") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(':');
            if (state.Nodes.GetValueOrDefault(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)) is { } node &&
                await context.Probe.IsPortOpenAsync(node.Address, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
                    .ConfigureAwait(false))
            {
                return false;
            }
        }
        return true;
    }
}
