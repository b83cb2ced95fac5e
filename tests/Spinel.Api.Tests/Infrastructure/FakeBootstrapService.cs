using System.Collections.Concurrent;
using Spinel.Api.Bootstrap;
using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Records bootstrap starts; its status and its answer are settable.</summary>
public sealed class FakeBootstrapService : IBootstrapService
{
    private readonly ConcurrentQueue<object> _starts = new();

    public BootstrapStatus Status { get; set; } = BootstrapStatus.Idle;

    public OperationError? Error { get; set; }

    public IReadOnlyList<object> Starts => [.. _starts];

    public OperationError? StartCreateCluster(CreateClusterRequest request)
    {
        _starts.Enqueue(request);
        return Error;
    }

    public OperationError? StartJoinCluster(JoinClusterRequest request)
    {
        _starts.Enqueue(request);
        return Error;
    }

    public OperationError? StartRecoverCluster(RecoverClusterRequest request)
    {
        _starts.Enqueue(request);
        return Error;
    }
}
