using System.Collections.Concurrent;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Placement;
using Spinel.Model;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Records every request and answers <see cref="Plan"/> (with an action unless it is a dry run) unless told to fail.</summary>
public sealed class FakeRebalanceOperations : IRebalanceOperations
{
    private readonly ConcurrentQueue<RebalanceRequest> _requests = new();

    public IReadOnlyList<RebalanceRequest> Requests => [.. _requests];

    /// <summary>When set, the next calls fail with it.</summary>
    public OperationError? Error { get; set; }

    public string ActionUid { get; set; } = "5f1e0c2a-0000-4000-8000-00000000f0b1";

    /// <summary>Master 1 on node 1 with its replica on node 2, master 2 on node 3 with its replica on node 1; one move.</summary>
    public RebalancePlan Plan { get; set; } = new()
    {
        BdbUid = 1,
        Moves = [new RebalanceMove(4, 2, 3)],
        Blueprint =
        [
            new BlueprintGroup([new SlotRange(0, 8191)], [new BlueprintShard(1, 1, ShardRole.Master), new BlueprintShard(3, 2, ShardRole.Replica)]),
            new BlueprintGroup([new SlotRange(8192, 16383)], [new BlueprintShard(2, 3, ShardRole.Master), new BlueprintShard(4, 1, ShardRole.Replica)]),
        ],
    };

    public Task<OperationOutcome<RebalancePlan>> RebalanceAsync(RebalanceRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        if (Error is { } error)
        {
            return Task.FromResult(OperationOutcome.Fail<RebalancePlan>(error));
        }
        return Task.FromResult(OperationOutcome.Ok(Plan, request.DryRun ? null : ActionUid));
    }
}
