using System.Collections.Concurrent;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Records join calls and adds the node to the store.</summary>
public sealed class FakeNodeOperations(FakeClusterStore store) : INodeOperations
{
    private readonly ConcurrentQueue<NodeRecord> _joins = new();

    public IReadOnlyList<NodeRecord> Joins => [.. _joins];

    public OperationError? Error { get; set; }

    public Task<OperationOutcome<NodeRecord>> JoinAsync(NodeRecord candidate, CancellationToken cancellationToken)
    {
        _joins.Enqueue(candidate);
        if (Error is { } error)
        {
            return Task.FromResult(OperationOutcome.Fail<NodeRecord>(error));
        }
        var result = store.Apply(new AddNode { Node = candidate });
        return Task.FromResult(OperationOutcome.Ok(result.State.Nodes[result.AssignedUids[0]]));
    }
}
