using Spinel.Proxy.Backends;
using Spinel.Proxy.Routing;

namespace Spinel.Proxy.Sessions;

/// <summary>A client's WATCH: the dedicated shard connection that holds the watched keys and their slot.</summary>
internal sealed record WatchState(ShardRoute Route, BackendConnection Connection, int Slot);
