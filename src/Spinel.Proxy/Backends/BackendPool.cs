using System.Net;
using Microsoft.Extensions.Logging;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Backends;

/// <summary>
/// The connections of the proxy to one shard: a few multiplexed ones per RESP version shared by all clients, and
/// dedicated ones lent to one client at a time for stateful work. Also tracks whether the shard is reachable (see
/// <c>BackendPool.Health.cs</c>). Thread-safe.
/// </summary>
internal sealed partial class BackendPool : IAsyncDisposable
{
    private static readonly byte[] Resp3Handshake = RespWriter.EncodeCommand("HELLO", "3");

    private readonly ILogger _logger;
    private readonly int _maxIdleDedicated;
    private readonly BackendConnection[] _resp2;
    private readonly BackendConnection?[] _resp3;
    private readonly Lock _gate = new();
    private readonly Stack<BackendConnection>[] _idle = [new(), new()];
    private readonly HashSet<BackendConnection> _rented = [];
    private bool _disposed;

    /// <param name="onReachabilityChanged">Called when the shard goes down or comes back (it releases held requests).</param>
    public BackendPool(EndPoint endPoint, int connections, int maxIdleDedicated, Action onReachabilityChanged, TimeProvider time, ILogger logger)
    {
        EndPoint = endPoint;
        _logger = logger;
        _time = time;
        _onReachabilityChanged = onReachabilityChanged;
        _maxIdleDedicated = maxIdleDedicated;
        _resp2 = new BackendConnection[connections];
        for (var i = 0; i < connections; i++)
        {
            _resp2[i] = new BackendConnection(endPoint, 2, this, logger);
        }
        _resp3 = new BackendConnection?[connections];
    }

    public EndPoint EndPoint { get; }

    /// <summary>A shared connection for the client with the given id (stable per client, so its requests stay in order).</summary>
    public BackendConnection GetMultiplexed(long clientId, int protocol)
    {
        var index = (int)(clientId % _resp2.Length);
        if (protocol < 3)
        {
            return _resp2[index];
        }
        var connection = Volatile.Read(ref _resp3[index]);
        if (connection is not null)
        {
            return connection;
        }
        lock (_gate)
        {
            return _resp3[index] ??= Create(3);
        }
    }

    /// <summary>Lends a connection to one client; give it back with <see cref="Return"/> once its state is clean.</summary>
    public BackendConnection RentDedicated(int protocol)
    {
        lock (_gate)
        {
            var idle = _idle[protocol < 3 ? 0 : 1];
            while (idle.TryPop(out var connection))
            {
                if (!connection.IsDisposed)
                {
                    _rented.Add(connection);
                    return connection;
                }
            }
            var created = Create(protocol);
            _rented.Add(created);
            return created;
        }
    }

    /// <summary>Takes back a dedicated connection whose session state is clean; closes it when the pool is full.</summary>
    public void Return(BackendConnection connection)
    {
        lock (_gate)
        {
            _rented.Remove(connection);
            var idle = _idle[connection.Protocol < 3 ? 0 : 1];
            if (!_disposed && !connection.IsDisposed && idle.Count < _maxIdleDedicated)
            {
                idle.Push(connection);
                return;
            }
        }
        connection.DisposeAsync().Forget();
    }

    public async ValueTask DisposeAsync()
    {
        List<BackendConnection> all;
        lock (_gate)
        {
            _disposed = true;
            _disposing.Cancel();
            // Lent connections go too: a request waiting on a shard that was failed over (and may hang, not die) must
            // get its error now rather than hold its client's later replies forever.
            all = [.. _resp2, .. _resp3.OfType<BackendConnection>(), .. _idle[0], .. _idle[1], .. _rented];
            _idle[0].Clear();
            _idle[1].Clear();
            _rented.Clear();
        }
        foreach (var connection in all)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private BackendConnection Create(int protocol) =>
        protocol < 3
            ? new BackendConnection(EndPoint, 2, this, _logger)
            : new BackendConnection(EndPoint, 3, this, _logger, Resp3Handshake, handshakeReplies: 1);
}
