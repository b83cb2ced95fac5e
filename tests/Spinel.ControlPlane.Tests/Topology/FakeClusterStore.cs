using System.Net;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Tests.Topology;

/// <summary>An <see cref="IClusterStore"/> whose state the test publishes. Writes are not supported.</summary>
internal sealed class FakeClusterStore(ClusterState initial) : IClusterStore
{
    private readonly Lock _gate = new();
    private volatile ClusterState _current = initial;
    private CancellationTokenSource _changed = new();

    public ClusterState Current => _current;

    public bool IsLeader => true;

    public EndPoint? LeaderRaftEndPoint => null;

    public bool HasQuorum => true;

    public IReadOnlyCollection<EndPoint> Members => [];

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Makes <paramref name="next"/> current and fires the change token at once.</summary>
    public void Publish(ClusterState next)
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            _current = next;
            fired = _changed;
            _changed = new CancellationTokenSource();
        }
        fired.Cancel();
        fired.Dispose();
    }

    public Task<ProposeResult> ProposeAsync(ClusterCommand command, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AddMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RemoveMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken) => throw new NotSupportedException();
}
