using Microsoft.Extensions.Primitives;

namespace Spinel.Model;

/// <summary>Where the proxy and the node agent read the topology from; the control plane implements it, tests use <see cref="InMemoryTopologySource"/>.</summary>
public interface ITopologySource
{
    /// <summary>The newest snapshot; never null.</summary>
    TopologySnapshot Current { get; }

    /// <summary>A token that fires once when <see cref="Current"/> changes after this call.</summary>
    IChangeToken GetChangeToken();
}
