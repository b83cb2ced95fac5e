using Spinel.Proxy.Backends;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    // Per shard, the dedicated connection that carried this client's latest requests there (a WATCH that ended, a
    // blocking command, WAIT). Later requests to that shard follow on it until all of it is answered, so a pipelined
    // GET cannot overtake the EXEC, UNWATCH or BLPOP sent before it on another connection; then it goes back to the
    // pool. Changed only by the reader loop; read by reply callbacks; guarded by _blockedGate.
    private readonly Dictionary<BackendPool, BackendConnection> _pinned = [];
    private volatile int _pinnedCount;

    /// <summary>The connection this client's requests to <paramref name="pool"/> must follow, or null; releases drained ones.</summary>
    private BackendConnection? PinnedFor(BackendPool pool)
    {
        if (_pinnedCount == 0)
        {
            return null;
        }
        BackendConnection? found = null;
        List<(BackendPool Pool, BackendConnection Connection)>? release = null;
        lock (_blockedGate)
        {
            foreach (var (pinnedPool, connection) in _pinned)
            {
                if (connection.Outstanding > 0 && !connection.IsDisposed)
                {
                    if (ReferenceEquals(pinnedPool, pool))
                    {
                        found = connection;
                    }
                    continue;
                }
                (release ??= []).Add((pinnedPool, connection));
            }
            if (release is not null)
            {
                foreach (var (drainedPool, _) in release)
                {
                    _pinned.Remove(drainedPool);
                }
                _pinnedCount = _pinned.Count;
                // A blocking command's connection still in _blocked goes back in OnDedicatedDone instead.
                release.RemoveAll(r => _blocked.Contains(r.Connection));
            }
        }
        foreach (var (drainedPool, connection) in release ?? [])
        {
            drainedPool.Return(connection);
        }
        return found;
    }

    /// <summary>Makes this client's next requests to the pool follow <paramref name="connection"/> (see <see cref="PinnedFor"/>).</summary>
    private void Pin(BackendPool pool, BackendConnection connection)
    {
        BackendConnection? previous;
        lock (_blockedGate)
        {
            if (_pinned.TryGetValue(pool, out previous) && (ReferenceEquals(previous, connection) || _blocked.Contains(previous)))
            {
                previous = null;
            }
            _pinned[pool] = connection;
            _pinnedCount = _pinned.Count;
        }
        // The new connection's first request was ordered after everything on the previous one.
        if (previous is not null)
        {
            pool.Return(previous);
        }
    }

    private async Task ReleasePinnedAsync()
    {
        List<(BackendPool Pool, BackendConnection Connection)> pinned;
        lock (_blockedGate)
        {
            pinned = [.. _pinned.Where(p => !_blocked.Contains(p.Value)).Select(p => (p.Key, p.Value))];
            _pinned.Clear();
            _pinnedCount = 0;
        }
        foreach (var (pool, connection) in pinned)
        {
            if (connection.Outstanding > 0)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                pool.Return(connection);
            }
        }
    }
}
