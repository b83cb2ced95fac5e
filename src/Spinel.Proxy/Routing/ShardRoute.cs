using Spinel.Model;
using Spinel.Proxy.Backends;

namespace Spinel.Proxy.Routing;

/// <summary>A master shard as the proxy routes to it: its place among the database's masters and its connections.</summary>
internal sealed class ShardRoute
{
    public ShardRoute(int index, ShardConfig shard, BackendPool pool)
    {
        Index = index;
        Shard = shard;
        Pool = pool;
    }

    /// <summary>Position among the masters, in slot order; used by SCAN cursors.</summary>
    public int Index { get; }

    public ShardConfig Shard { get; }

    public BackendPool Pool { get; }
}
