using System.Collections.Concurrent;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Records join calls and adds the node to the store; records removals and answers <see cref="RemoveActionUid"/>.</summary>
public sealed class FakeNodeOperations(FakeClusterStore store) : INodeOperations
{
    private readonly ConcurrentQueue<NodeRecord> _joins = new();

    public IReadOnlyList<NodeRecord> Joins => [.. _joins];

    private readonly ConcurrentQueue<int> _removals = new();

    public IReadOnlyList<int> Removals => [.. _removals];

    public OperationError? Error { get; set; }

    public string RemoveActionUid { get; set; } = "9a3b7c1d-0000-4000-8000-0000000000r1";

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

    public Task<OperationOutcome<NodeRecord>> RemoveAsync(int nodeUid, CancellationToken cancellationToken)
    {
        _removals.Enqueue(nodeUid);
        if (Error is { } error)
        {
            return Task.FromResult(OperationOutcome.Fail<NodeRecord>(error));
        }
        var node = store.Current.Nodes[nodeUid];
        var result = store.Apply(new UpdateNode { Node = node with { Status = NodeStatus.Decommissioning } });
        return Task.FromResult(OperationOutcome.Ok(result.State.Nodes[nodeUid], RemoveActionUid));
    }
}
