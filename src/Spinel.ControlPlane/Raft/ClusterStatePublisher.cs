using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Raft;

/// <summary>Holds the newest applied state and the change token of the next change. Thread-safe; one writer (the applier).</summary>
internal sealed class ClusterStatePublisher
{
    private readonly Lock _gate = new();
    private volatile ClusterState _current = ClusterState.Empty;
    private CancellationTokenSource _changed = new();

    public ClusterState Current => _current;

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    public void Publish(ClusterState next)
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            if (ReferenceEquals(next, _current))
            {
                return;
            }
            _current = next;
            fired = _changed;
            _changed = new CancellationTokenSource();
        }
        // Listeners' callbacks run on the thread pool, never on the Raft applier that called us.
        ThreadPool.UnsafeQueueUserWorkItem(static cts => cts.Cancel(), fired, preferLocal: false);
    }
}
