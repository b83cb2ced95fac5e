using System.Collections.Concurrent;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Records every request and answers an action (none for a dry run) unless told to fail.</summary>
public sealed class FakeShardOperations : IShardOperations
{
    private readonly ConcurrentQueue<ShardFailoverRequest> _failovers = new();
    private readonly ConcurrentQueue<ShardMigrateRequest> _migrations = new();

    public IReadOnlyList<ShardFailoverRequest> Failovers => [.. _failovers];

    public IReadOnlyList<ShardMigrateRequest> Migrations => [.. _migrations];

    /// <summary>When set, the next calls fail with it.</summary>
    public OperationError? Error { get; set; }

    public string ActionUid { get; set; } = "5f1e0c2a-0000-4000-8000-00000000f001";

    public Task<OperationOutcome<ActionRecord>> FailoverAsync(ShardFailoverRequest request, CancellationToken cancellationToken)
    {
        _failovers.Enqueue(request);
        return Task.FromResult(Answer("SMFailoverShards", request.DryRun));
    }

    public Task<OperationOutcome<ActionRecord>> MigrateAsync(ShardMigrateRequest request, CancellationToken cancellationToken)
    {
        _migrations.Enqueue(request);
        return Task.FromResult(Answer("SMMigrateShards", request.DryRun));
    }

    private OperationOutcome<ActionRecord> Answer(string name, bool dryRun)
    {
        if (Error is { } error)
        {
            return OperationOutcome.Fail<ActionRecord>(error);
        }
        if (dryRun)
        {
            return new OperationOutcome<ActionRecord>();
        }
        var action = new ActionRecord { ActionUid = ActionUid, Name = name, ObjectName = "bdb:1" };
        return OperationOutcome.Ok(action, action.ActionUid);
    }
}
