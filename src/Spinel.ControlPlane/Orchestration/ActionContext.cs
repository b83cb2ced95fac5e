using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>What one step of a state machine works with: the store, the probe, and how to move the action on.</summary>
internal sealed class ActionContext(
    IClusterStore store, string actionUid, IReadinessProbe probe, OrchestratorOptions options, TimeProvider time, ILogger logger,
    IClusterHealth health, LeaderFence fence, Resharding.IShardTrimmer trimmer, DataTransfer.IDatasetTransfer transfer)
{
    public Resharding.IShardTrimmer Trimmer => trimmer;

    public DataTransfer.IDatasetTransfer Transfer => transfer;

    public ClusterState State => store.Current;

    public ActionRecord? Action => store.Current.Actions.GetValueOrDefault(actionUid);

    public IReadinessProbe Probe => probe;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    public IClusterHealth Health => health;

    public LeaderFence Fence => fence;

    public OrchestratorOptions Options => options;

    /// <summary>Whether the node answers heartbeats, by the cluster's failure detection settings.</summary>
    public bool IsNodeAlive(int nodeUid) => health.IsAlive(nodeUid, HeartbeatTimings.For(State).NodeTimeout);

    /// <summary>
    /// Writes <paramref name="commands"/> together with the action's next state in one batch that expects the action
    /// unchanged, so a step's effect and the step's end are never seen apart. False when the store refused it (the
    /// caller re-reads and retries); throws <see cref="LeadershipLostException"/> when this node cannot write any more.
    /// </summary>
    public async Task<bool> AdvanceAsync(ActionRecord action, string nextState, double progress, IEnumerable<ClusterCommand> commands,
        CancellationToken cancellationToken, ActionStatus status = ActionStatus.Active, string? error = null)
    {
        var next = action with { State = nextState, Progress = progress, Status = status, Error = error };
        var changes = commands.ToList();
        // A step may pass the action with data it has just changed; what is stored says what this step changes.
        var stored = State.Actions.GetValueOrDefault(action.ActionUid) ?? action;
        var events = Events.ActionEvents.For(State, stored, next, changes, time.GetUtcNow()).ToArray();
        if (events.Length > 0)
        {
            changes.Add(Events.ClusterEvents.Append(events));
        }
        var batch = new Batch { Commands = [.. changes, new PutAction { Action = next, ExpectedVersion = action.Version }] };
        var result = await store.ProposeAsync(batch, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case ProposeStatus.Applied:
                Log.StepDone(logger, action.Name, action.ObjectName, action.State, nextState);
                return true;
            case ProposeStatus.Rejected:
                Log.StepRejected(logger, action.Name, action.ObjectName, action.State, result.Rejection?.Message);
                return false;
            default:
                throw new LeadershipLostException(result.Description);
        }
    }

    /// <summary>Takes a member out of the Raft membership (leader only); false when it is no member.</summary>
    public Task<bool> RemoveMemberAsync(System.Net.EndPoint raftEndPoint, CancellationToken cancellationToken) =>
        store.RemoveMemberAsync(raftEndPoint, cancellationToken);

    /// <summary>Polls <paramref name="condition"/> until it holds; false when <see cref="OrchestratorOptions.StepTimeout"/> passes first.</summary>
    public async Task<bool> WaitUntilAsync(Func<CancellationToken, Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = time.GetTimestamp() + (long)((timeout ?? options.StepTimeout).TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            if (await condition(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
            if (time.GetTimestamp() >= deadline)
            {
                return false;
            }
            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether every shard of the database answers at its node's address.</summary>
    public async Task<bool> ShardsServingAsync(int bdbUid, CancellationToken cancellationToken)
    {
        var state = State;
        foreach (var shard in state.ShardsOf(bdbUid))
        {
            if (state.Nodes.GetValueOrDefault(shard.NodeUid) is not { } node ||
                !await probe.IsShardServingAsync(node.Address, shard.Port, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether the database's endpoints answer on every node that binds them.</summary>
    public async Task<bool> EndpointsServingAsync(int bdbUid, CancellationToken cancellationToken)
    {
        var state = State;
        // A TLS endpoint does not answer a plain PING; that it listens is what can be seen without its certificate.
        var tls = state.Bdbs.GetValueOrDefault(bdbUid)?.TlsMode == TlsMode.Enabled;
        foreach (var endpoint in state.EndpointsOf(bdbUid))
        {
            foreach (var nodeUid in endpoint.NodeUids)
            {
                if (state.Nodes.GetValueOrDefault(nodeUid) is not { } node ||
                    !await (tls
                        ? probe.IsPortOpenAsync(node.Address, endpoint.Port, cancellationToken)
                        : probe.IsEndpointServingAsync(node.Address, endpoint.Port, cancellationToken)).ConfigureAwait(false))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
