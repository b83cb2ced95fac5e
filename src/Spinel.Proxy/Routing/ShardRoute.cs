using Spinel.Model;
using Spinel.Proxy.Backends;

namespace Spinel.Proxy.Routing;

/// <summary>A master shard as the proxy routes to it: its place among the database's masters and its connections.</summary>
internal sealed class ShardRoute
{
    private readonly bool _heldByTopology;

    public ShardRoute(int index, ShardConfig shard, BackendPool pool)
    {
        Index = index;
        Shard = shard;
        Pool = pool;
        _heldByTopology = shard.Held;
    }

    /// <summary>Position among the masters, in slot order; used by SCAN cursors.</summary>
    public int Index { get; }

    public ShardConfig Shard { get; }

    public BackendPool Pool { get; }

    /// <summary>Requests for this shard must wait: the topology holds it (a failover in progress) or it is unreachable.</summary>
    public bool IsHeld => _heldByTopology || Pool.IsDown;
}
