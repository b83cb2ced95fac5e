using Spinel.ControlPlane.Events;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Operations;

/// <summary>
/// The leader's side of database changes: validates against the whole cluster, then stores the decision and the
/// state machine that carries it out in one batch that expects the cluster unchanged since the decision was made.
/// </summary>
public sealed class DatabaseOperations(IClusterStore store, IReadinessProbe probe, TimeProvider time)
    : IDatabaseOperations
{
    private const int MaxAttempts = 10;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<OperationOutcome<BdbRecord>> CreateAsync(BdbRecord requested, CancellationToken cancellationToken) =>
        DecideAsync(state => DecideCreateAsync(state, requested, cancellationToken), cancellationToken);

    public Task<OperationOutcome<BdbRecord>> UpdateAsync(BdbRecord desired, CancellationToken cancellationToken) =>
        DecideAsync(state => DecideUpdateAsync(state, desired, cancellationToken), cancellationToken);

    public Task<OperationOutcome<BdbRecord>> DeleteAsync(int uid, CancellationToken cancellationToken) =>
        DecideAsync(state => Task.FromResult(DecideDelete(state, uid)), cancellationToken);

    private async Task<OperationOutcome<BdbRecord>> DecideAsync(Func<ClusterState, Task<Decision>> decide, CancellationToken cancellationToken)
    {
        if (!store.IsLeader)
        {
            return NotLeader();
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var state = store.Current;
                var decision = await decide(state).ConfigureAwait(false);
                if (decision.Error is { } error)
                {
                    return OperationOutcome.Fail<BdbRecord>(error);
                }
                if (decision.Commands.Count == 0)
                {
                    return OperationOutcome.Ok(decision.Bdb!, decision.ActionUid);
                }
                var result = await store.ProposeAsync(new Batch { Commands = decision.Commands.ToValueList(), ExpectedClusterVersion = state.Version },
                    cancellationToken).ConfigureAwait(false);
                switch (result.Status)
                {
                    case ProposeStatus.Applied:
                        var stored = result.State!.Bdbs.GetValueOrDefault(decision.Bdb!.Uid) ?? decision.Bdb;
                        return OperationOutcome.Ok(stored, decision.ActionUid);
                    case ProposeStatus.Rejected when result.Rejection?.Code == RejectionCode.VersionConflict:
                        // Something else (the orchestrator, most likely) wrote in between: decide again on the new state.
                        continue;
                    case ProposeStatus.Rejected:
                        return OperationOutcome.Fail<BdbRecord>(MapRejection(result.Rejection!));
                    case ProposeStatus.NotLeader:
                        return NotLeader();
                    case ProposeStatus.NoQuorum:
                        return OperationOutcome.Fail<BdbRecord>(OperationErrorKind.Unavailable, "no_quorum", "the cluster has no quorum: " + result.Description);
                    default:
                        return OperationOutcome.Fail<BdbRecord>(OperationErrorKind.Unavailable, "timeout",
                            "the change was sent but its commit was not seen in time; check the database before retrying: " + result.Description);
                }
            }
            return OperationOutcome.Fail<BdbRecord>(OperationErrorKind.Busy, "busy", "the cluster kept changing; retry");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Decision> DecideCreateAsync(ClusterState state, BdbRecord requested, CancellationToken cancellationToken)
    {
        if (requested.Uid != 0 && state.Bdbs.ContainsKey(requested.Uid))
        {
            return Decision.Fail(OperationErrorKind.Conflict, "uid_exists", $"a database with uid {requested.Uid} already exists");
        }
        if (NameTaken(state, requested.Name, requested.Uid) is { } other)
        {
            return Decision.Fail(OperationErrorKind.Conflict, "name_violation", $"database {other.Uid} is already named '{other.Name}'");
        }
        if (Unsupported(requested) is { } unsupported)
        {
            return Decision.Fail(unsupported);
        }
        var port = requested.Port == 0 ? EndpointPorts.NextFree(state) : requested.Port;
        if (port is not { } endpointPort)
        {
            return Decision.Fail(OperationErrorKind.InvalidConfiguration, "port_unavailable", "no endpoint port is free in 10000-19999");
        }
        if (await PortProblemAsync(state, endpointPort, requested.Uid, cancellationToken).ConfigureAwait(false) is { } portError)
        {
            return Decision.Fail(OperationErrorKind.InvalidConfiguration, "port_unavailable", portError);
        }
        var now = time.GetUtcNow();
        var bdb = requested with
        {
            Uid = requested.Uid != 0 ? requested.Uid : state.NextBdbUid,
            Port = endpointPort,
            Status = BdbStatus.Pending,
            CreatedTime = now,
            LastChangedTime = now,
        };
        var placement = ShardPlacer.Place(state, bdb);
        if (placement.Error is { } placementError)
        {
            return Decision.Fail(placementError);
        }
        var action = NewAction(ActionNames.CreateBdb, bdb.Uid, CreateBdbMachine.WaitForShards, 10, now);
        return new Decision(bdb, action.ActionUid,
        [
            new PutBdb { Bdb = bdb, ExpectedVersion = 0 },
            new PutShards { BdbUid = bdb.Uid, Shards = placement.Plan!.WithUids(state.NextShardUid) },
            new PutAction { Action = action, ExpectedVersion = 0 },
            ClusterEvents.Append(ClusterEvents.BdbCreated(bdb, now)),
        ]);
    }

    private async Task<Decision> DecideUpdateAsync(ClusterState state, BdbRecord desired, CancellationToken cancellationToken)
    {
        if (state.Bdbs.GetValueOrDefault(desired.Uid) is not { } current)
        {
            return Decision.Fail(OperationErrorKind.NotFound, "db_not_exist", $"database {desired.Uid} does not exist");
        }
        if (RunningAction(state, current.Uid) is { } running)
        {
            return Decision.Fail(OperationErrorKind.Busy, "db_busy", $"database {current.Uid} is busy with {running.Name} ({running.ActionUid})");
        }
        if (desired.Version != current.Version)
        {
            return Decision.Fail(OperationErrorKind.Busy, "busy", $"database {current.Uid} changed while the request was prepared; retry");
        }
        if (current.Status != BdbStatus.Active)
        {
            return Decision.Fail(OperationErrorKind.Busy, "db_busy", $"database {current.Uid} is {current.Status}, not active");
        }
        if (NameTaken(state, desired.Name, current.Uid) is { } other)
        {
            return Decision.Fail(OperationErrorKind.Conflict, "name_violation", $"database {other.Uid} is already named '{other.Name}'");
        }
        if (TopologyChange(current, desired) is { } topology)
        {
            return Decision.Fail(topology);
        }
        if (Unsupported(desired) is { } unsupported)
        {
            return Decision.Fail(unsupported);
        }
        var port = desired.Port == 0 ? current.Port : desired.Port;
        if (port != current.Port && await PortProblemAsync(state, port, current.Uid, cancellationToken).ConfigureAwait(false) is { } portError)
        {
            return Decision.Fail(OperationErrorKind.InvalidConfiguration, "port_unavailable", portError);
        }
        var now = time.GetUtcNow();
        var bdb = desired with
        {
            Port = port,
            Status = BdbStatus.ActiveChangePending,
            CreatedTime = current.CreatedTime,
            LastChangedTime = now,
            Version = current.Version,
        };
        var replicas = ReplicaChanges.For(state, current, bdb);
        if (replicas.Error is { } replicaError)
        {
            return Decision.Fail(replicaError);
        }
        var action = bdb.ShardsCount != current.ShardsCount
            ? NewAction(ActionNames.ReshardBdb, bdb.Uid, ReshardMachine.CreateShards, 5, now) with
            {
                Data = default(ValueDictionary<string, string>).SetItem("old_count", current.ShardsCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            }
            : NewAction(ActionNames.UpdateBdb, bdb.Uid, UpdateBdbMachine.ApplyEndpoint, 10, now);
        return new Decision(bdb, action.ActionUid,
        [
            new PutBdb { Bdb = bdb, ExpectedVersion = current.Version },
            .. replicas.Commands,
            new PutAction { Action = action, ExpectedVersion = 0 },
            UpdateEvents(current, bdb, action, now),
        ]);
    }

    private Decision DecideDelete(ClusterState state, int uid)
    {
        if (state.Bdbs.GetValueOrDefault(uid) is not { } current)
        {
            return Decision.Fail(OperationErrorKind.NotFound, "db_not_exist", $"database {uid} does not exist");
        }
        if (RunningAction(state, uid) is { } running)
        {
            return running.Name == ActionNames.DeleteBdb
                ? new Decision(current, running.ActionUid, [])
                : Decision.Fail(OperationErrorKind.Busy, "db_busy", $"database {uid} is busy with {running.Name} ({running.ActionUid})");
        }
        var now = time.GetUtcNow();
        var bdb = current with { Status = BdbStatus.DeletePending, LastChangedTime = now };
        var action = NewAction(ActionNames.DeleteBdb, uid, DeleteBdbMachine.UnbindEndpoint, 10, now);
        return new Decision(bdb, action.ActionUid,
        [
            new PutBdb { Bdb = bdb, ExpectedVersion = current.Version },
            new PutAction { Action = action, ExpectedVersion = 0 },
        ]);
    }

    private static AppendEvents UpdateEvents(BdbRecord current, BdbRecord bdb, ActionRecord action, DateTimeOffset now)
    {
        var events = new List<EventRecord> { ClusterEvents.BdbUpdated(bdb, BdbChanges.Between(current, bdb), now) };
        if (current.Name != bdb.Name)
        {
            events.Add(ClusterEvents.BdbNameUpdated(current, bdb, now));
        }
        if (ClusterEvents.ActionStarted(action, now) is { } started)
        {
            events.Add(started);
        }
        return ClusterEvents.Append([.. events]);
    }

    private static BdbRecord? NameTaken(ClusterState state, string name, int exceptUid) =>
        state.Bdbs.Values.FirstOrDefault(b => b.Uid != exceptUid && string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ActionRecord? RunningAction(ClusterState state, int bdbUid)
    {
        var objectName = ActionNames.BdbObject(bdbUid);
        return state.Actions.Values.FirstOrDefault(a => a.ObjectName == objectName && a.Status is ActionStatus.Pending or ActionStatus.Active);
    }

    /// <summary>Why the port cannot serve as the database's endpoint, or null when it can.</summary>
    private async Task<string?> PortProblemAsync(ClusterState state, int port, int bdbUid, CancellationToken cancellationToken)
    {
        if (!EndpointPorts.IsValid(port))
        {
            return $"port {port} is outside 10000-19999 (10050 excluded)";
        }
        if (state.Bdbs.Values.FirstOrDefault(b => b.Uid != bdbUid && b.Port == port) is { } owner)
        {
            return $"port {port} is used by database {owner.Uid} ('{owner.Name}')";
        }
        // Another process may hold the port on a node; the proxy could then never bind it.
        foreach (var node in state.Nodes.Values.Where(n => n.Status == NodeStatus.Active))
        {
            if (await probe.IsPortOpenAsync(node.Address, port, cancellationToken).ConfigureAwait(false))
            {
                return $"port {port} is already in use on node {node.Uid} ({node.Address})";
            }
        }
        return null;
    }

    /// <summary>Changes that move shards; they belong to resharding and replication, which later actions carry out.</summary>
    /// <summary>Most masters a reshard may reach (Redis Enterprise's limit for a database).</summary>
    public const int MaxReshardCount = 512;

    private static OperationError? TopologyChange(BdbRecord current, BdbRecord desired)
    {
        if (desired.ShardsCount != current.ShardsCount)
        {
            if (desired.ShardsCount < current.ShardsCount || desired.ShardsCount % current.ShardsCount != 0 || desired.ShardsCount > MaxReshardCount)
            {
                return new(OperationErrorKind.InvalidConfiguration, "invalid_sharding",
                    $"shards_count can only grow to a multiple of the current {current.ShardsCount}, up to {MaxReshardCount}; {desired.ShardsCount} is not");
            }
            if (desired.Replication != current.Replication)
            {
                return new(OperationErrorKind.InvalidConfiguration, "invalid_sharding", "change shards_count and replication in separate updates");
            }
        }
        if (ShardingChanges.Check(current, desired) is { } sharding)
        {
            return sharding;
        }
        return null;
    }

    /// <summary>Settings that would be stored but not honoured by the data path yet: refused rather than silently ignored.</summary>
    private static OperationError? Unsupported(BdbRecord bdb)
    {
        if (bdb.DataPersistence == DataPersistence.Snapshot && bdb.SnapshotPolicy.Count == 0)
        {
            return new(OperationErrorKind.InvalidConfiguration, "invalid_data_persistence",
                "data_persistence 'snapshot' needs a snapshot_policy, e.g. [{\"secs\": 3600, \"writes\": 1}]");
        }
        if (ShardingChanges.InvalidRules(bdb) is { } rules)
        {
            return rules;
        }
        if (BackupRules.Check(bdb) is { } backup)
        {
            return backup;
        }
        if (TlsRules.Check(bdb) is { } tls)
        {
            return tls;
        }
        if (OssClusterRules.Check(bdb) is { } ossCluster)
        {
            return ossCluster;
        }
        if (bdb.Type != BdbType.Redis)
        {
            return new(OperationErrorKind.InvalidConfiguration, "invalid_parameter", "only databases of type 'redis' are supported");
        }
        return null;
    }

    private static ActionRecord NewAction(string name, int bdbUid, string state, double progress, DateTimeOffset now) => new()
    {
        ActionUid = Guid.NewGuid().ToString(),
        Name = name,
        ObjectName = ActionNames.BdbObject(bdbUid),
        State = state,
        Status = ActionStatus.Active,
        Progress = progress,
        CreationTime = now,
    };

    private static OperationError MapRejection(CommandRejection rejection) => rejection.Code switch
    {
        RejectionCode.NotFound => new(OperationErrorKind.NotFound, "db_not_exist", rejection.Message),
        RejectionCode.AlreadyExists => new(OperationErrorKind.Conflict, "name_violation", rejection.Message),
        RejectionCode.InUse => new(OperationErrorKind.InvalidConfiguration, "port_unavailable", rejection.Message),
        RejectionCode.Invalid => new(OperationErrorKind.InvalidConfiguration, "invalid_parameter", rejection.Message),
        _ => new(OperationErrorKind.Internal, "internal_error", rejection.Message),
    };

    private static OperationOutcome<BdbRecord> NotLeader() =>
        OperationOutcome.Fail<BdbRecord>(OperationErrorKind.NotLeader, "not_leader", "this node is not the cluster leader");

    private sealed record Decision(BdbRecord? Bdb, string? ActionUid, IReadOnlyList<ClusterCommand> Commands, OperationError? Error = null)
    {
        public static Decision Fail(OperationError error) => new(null, null, [], error);

        public static Decision Fail(OperationErrorKind kind, string code, string description) => Fail(new OperationError(kind, code, description));
    }
}
