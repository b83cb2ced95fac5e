using System.Collections.Concurrent;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Records every call and, unless told to fail, stores the record as the orchestrator would (status changes, no shards).</summary>
public sealed class FakeDatabaseOperations(FakeClusterStore store) : IDatabaseOperations
{
    private readonly ConcurrentQueue<(string Operation, BdbRecord? Bdb, int Uid)> _calls = new();

    public IReadOnlyList<(string Operation, BdbRecord? Bdb, int Uid)> Calls => [.. _calls];

    /// <summary>When set, the next calls fail with it.</summary>
    public OperationError? Error { get; set; }

    /// <summary>When set, the next calls throw it, as a bug would.</summary>
    public Exception? Throws { get; set; }

    public string ActionUid { get; set; } = "8c2f0a4e-0000-4000-8000-000000000001";

    public Task<OperationOutcome<BdbRecord>> CreateAsync(BdbRecord requested, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("create", requested, requested.Uid));
        if (Throws is { } exception)
        {
            throw exception;
        }
        if (Error is { } error)
        {
            return Task.FromResult(OperationOutcome.Fail<BdbRecord>(error));
        }
        var port = requested.Port != 0 ? requested.Port : 12000 + store.Current.Bdbs.Count;
        var result = store.Apply(new PutBdb { Bdb = requested with { Port = port, Status = BdbStatus.Pending }, ExpectedVersion = 0 });
        var uid = requested.Uid != 0 ? requested.Uid : result.AssignedUids[0];
        return Task.FromResult(OperationOutcome.Ok(result.State.Bdbs[uid], ActionUid));
    }

    public Task<OperationOutcome<BdbRecord>> UpdateAsync(BdbRecord desired, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("update", desired, desired.Uid));
        if (Error is { } error)
        {
            return Task.FromResult(OperationOutcome.Fail<BdbRecord>(error));
        }
        var result = store.Apply(new PutBdb { Bdb = desired with { Status = BdbStatus.ActiveChangePending }, ExpectedVersion = desired.Version });
        return Task.FromResult(OperationOutcome.Ok(result.State.Bdbs[desired.Uid], ActionUid));
    }

    public Task<OperationOutcome<BdbRecord>> DeleteAsync(int uid, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("delete", null, uid));
        if (Error is { } error)
        {
            return Task.FromResult(OperationOutcome.Fail<BdbRecord>(error));
        }
        var current = store.Current.Bdbs[uid];
        var result = store.Apply(new PutBdb { Bdb = current with { Status = BdbStatus.DeletePending } });
        return Task.FromResult(OperationOutcome.Ok(result.State.Bdbs[uid], ActionUid));
    }
}
