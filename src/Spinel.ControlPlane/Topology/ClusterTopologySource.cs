using Microsoft.Extensions.Primitives;
using Spinel.Model;

namespace Spinel.ControlPlane.Topology;

/// <summary>
/// The topology of the cluster store on this node, for the proxy and the node agent. Maps each state once: reads at the
/// same state version return the same snapshot instance. Thread-safe.
/// </summary>
public sealed class ClusterTopologySource : ITopologySource
{
    private readonly IClusterStore _store;
    private TopologySnapshot? _cached;

    public ClusterTopologySource(IClusterStore store) => _store = store;

    /// <summary>The snapshot of the store's current state; its version is the state's version.</summary>
    public TopologySnapshot Current
    {
        get
        {
            var state = _store.Current;
            var cached = Volatile.Read(ref _cached);
            if (cached is not null && cached.Version == state.Version)
            {
                return cached;
            }
            var mapped = ClusterTopologyMapper.ToSnapshot(state);
            // Keep the newest mapping; a reader that mapped an older state loses the race and leaves the cache alone.
            while (cached is null || cached.Version < mapped.Version)
            {
                var seen = Interlocked.CompareExchange(ref _cached, mapped, cached);
                if (ReferenceEquals(seen, cached))
                {
                    return mapped;
                }
                cached = seen;
            }
            return cached.Version == mapped.Version ? cached : mapped;
        }
    }

    /// <summary>The store's change token: fires once when the store's state, and so <see cref="Current"/>, changes after this call.</summary>
    public IChangeToken GetChangeToken() => _store.GetChangeToken();
}
