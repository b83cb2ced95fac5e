using Microsoft.Extensions.Options;
using Spinel.Model;

namespace Spinel.Discovery.View;

/// <summary>The <see cref="SentinelView"/> of the topology source's newest snapshot, rebuilt once per version. Thread-safe.</summary>
internal sealed class SentinelViewSource(ITopologySource topology, IOptions<DiscoveryOptions> options)
{
    private readonly int _nodeUid = options.Value.NodeUid;
    private readonly int _port = options.Value.Port;
    private volatile SentinelView? _view;

    public ITopologySource Topology => topology;

    public SentinelView Current
    {
        get
        {
            var snapshot = topology.Current;
            var view = _view;
            if (view is null || view.Version != snapshot.Version)
            {
                // Two threads may both rebuild after a change; the views are equal, so either may win.
                view = Build(snapshot);
                _view = view;
            }
            return view;
        }
    }

    public SentinelView Build(TopologySnapshot snapshot) => SentinelView.Build(snapshot, _nodeUid, _port);
}
