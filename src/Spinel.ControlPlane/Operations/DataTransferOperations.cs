using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Operations;

/// <summary>
/// Checks an export, import or recovery request against the store and stores what carries it out: an action for the
/// first two, the lost masters' new places for a recovery.
/// </summary>
public sealed class DataTransferOperations(IClusterStore store, TimeProvider time) : IDataTransferOperations
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<OperationOutcome<string>> ExportAsync(int bdbUid, string directory, CancellationToken cancellationToken) =>
        StartAsync(bdbUid, ActionNames.ExportBdb, ExportBdbMachine.ExportShards, default(ValueDictionary<string, string>).SetItem("path", directory),
            cancellationToken);

    public Task<OperationOutcome<string>> ImportAsync(int bdbUid, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        StartAsync(bdbUid, ActionNames.ImportBdb, ImportBdbMachine.Flush, default(ValueDictionary<string, string>).SetItem("sources", string.Join('\n', files)),
            cancellationToken);

    public Task<OperationOutcome<string>> RecoverAsync(int bdbUid, CancellationToken cancellationToken) =>
        OnFreeDatabaseAsync(bdbUid, async state =>
        {
            bool IsLive(int nodeUid) => state.Nodes.GetValueOrDefault(nodeUid)?.Status == NodeStatus.Active;
            var lost = Recovery.DatabaseRecovery.LostMasters(state, bdbUid, IsLive);
            if (lost.Count == 0)
            {
                return OperationOutcome.Fail<string>(OperationErrorKind.InvalidConfiguration, "nothing_to_recover",
                    $"every master of database {bdbUid} has a copy on a live node");
            }
            if (Recovery.DatabaseRecovery.Rehome(state, lost, IsLive) is not { } moved)
            {
                return OperationOutcome.Fail<string>(OperationErrorKind.InvalidConfiguration, "insufficient_resources",
                    $"no live node has room for the {lost.Count} lost master(s) of database {bdbUid}");
            }
            var result = await store.ProposeAsync(new PutShards { BdbUid = bdbUid, Shards = moved.ToValueList(), ExpectedClusterVersion = state.Version },
                cancellationToken).ConfigureAwait(false);
            return Outcome(result, "re-created " + string.Join(", ", moved.Select(m => $"shard {m.Uid} on node {m.NodeUid}")), null);
        }, cancellationToken);

    private Task<OperationOutcome<string>> StartAsync(int bdbUid, string name, string firstState, ValueDictionary<string, string> data,
        CancellationToken cancellationToken) =>
        OnFreeDatabaseAsync(bdbUid, async state =>
        {
            var action = HaActions.New(name, ActionNames.BdbObject(bdbUid), firstState, data, time.GetUtcNow());
            var result = await store.ProposeAsync(new PutAction { Action = action, ExpectedVersion = 0, ExpectedClusterVersion = state.Version },
                cancellationToken).ConfigureAwait(false);
            return Outcome(result, action.ActionUid, action.ActionUid);
        }, cancellationToken);

    /// <summary>Runs <paramref name="decide"/> on the leader, one request at a time, for a database that exists and no action occupies.</summary>
    private async Task<OperationOutcome<string>> OnFreeDatabaseAsync(int bdbUid, Func<ClusterState, Task<OperationOutcome<string>>> decide,
        CancellationToken cancellationToken)
    {
        if (!store.IsLeader)
        {
            return OperationOutcome.Fail<string>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader");
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = store.Current;
            if (!state.Bdbs.ContainsKey(bdbUid))
            {
                return OperationOutcome.Fail<string>(OperationErrorKind.NotFound, "db_not_exist", $"database {bdbUid} does not exist");
            }
            if (HaActions.Occupying(state, bdbUid) is { } running)
            {
                return OperationOutcome.Fail<string>(OperationErrorKind.Busy, "db_busy", $"database {bdbUid} is busy with {running.Name} ({running.ActionUid})");
            }
            return await decide(state).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static OperationOutcome<string> Outcome(ProposeResult result, string value, string? actionUid) => result.Status switch
    {
        ProposeStatus.Applied => OperationOutcome.Ok(value, actionUid),
        ProposeStatus.Rejected => OperationOutcome.Fail<string>(OperationErrorKind.Busy, "busy", "the cluster changed meanwhile; retry"),
        ProposeStatus.NotLeader => OperationOutcome.Fail<string>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader"),
        _ => OperationOutcome.Fail<string>(OperationErrorKind.Unavailable, "no_quorum", result.Description),
    };
}
