using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Spinel.Model;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Sessions;

namespace Spinel.Proxy.Routing;

/// <summary>
/// The live state of one database endpoint on this node: the current routing table (swapped by reference), the
/// connection pools to its shards, its connected clients, and the signal that wakes their held requests. Thread-safe.
/// </summary>
internal sealed partial class DatabaseRuntime : IAsyncDisposable
{
    private readonly ProxyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<(int Uid, string Host, int Port), BackendPool> _pools = [];
    private readonly ConcurrentDictionary<long, ClientSession> _clients = new();
    private volatile RoutingTable _table;
    private IReadOnlyList<NodeConfig> _nodes;
    private long _nextClientId;

    public DatabaseRuntime(DatabaseConfig database, long version, ProxyOptions options, IWriteFence fence, TimeProvider time, ILogger logger,
        IReadOnlyList<NodeConfig>? nodes = null)
    {
        _nodes = nodes ?? [];
        _options = options;
        _time = time;
        _logger = logger;
        // The fence that never closes is not asked at all: writes then cost nothing extra.
        WriteFence = ReferenceEquals(fence, WriteLease.AlwaysOpen) ? null : fence;
        Holds = new HoldSignal(WriteFence, time);
        StartedAt = DateTimeOffset.UtcNow;
        _table = Build(database, version);
        LogHeldChanges(null, _table);
    }

    public RoutingTable Table => _table;

    public ProxyOptions Options => _options;

    /// <summary>This endpoint's request, connection and byte counters.</summary>
    public Metrics.EndpointCounters Counters { get; } = new();

    /// <summary>The node's write fence; null when it never closes.</summary>
    public IWriteFence? WriteFence { get; }

    /// <summary>Pulsed when held requests may go on: a new routing table, a shard reachable again, the fence opening.</summary>
    public HoldSignal Holds { get; }

    public DateTimeOffset StartedAt { get; }

    public ICollection<ClientSession> Clients => _clients.Values;

    public int ClientCount => _clients.Count;

    public long TotalConnections => Interlocked.Read(ref _nextClientId);

    public long NextClientId() => Interlocked.Increment(ref _nextClientId);

    public void Register(ClientSession session)
    {
        _clients[session.Id] = session;
        Counters.OnConnected();
    }

    public void Unregister(ClientSession session)
    {
        if (_clients.TryRemove(session.Id, out _))
        {
            Counters.OnDisconnected();
        }
    }

    public bool TryGetClient(long id, out ClientSession session) => _clients.TryGetValue(id, out session!);

    /// <summary>Publishes the routing for a new version of the database; pools of unchanged shards are kept.</summary>
    public void Update(DatabaseConfig database, long version, IReadOnlyList<NodeConfig>? nodes = null)
    {
        List<BackendPool> retired;
        RoutingTable previous, next;
        lock (_gate)
        {
            _nodes = nodes ?? _nodes;
            previous = _table;
            _table = next = Build(database, version);
            var live = database.Masters.Select(Key).ToHashSet();
            retired = [.. _pools.Where(p => !live.Contains(p.Key)).Select(p => p.Value)];
            foreach (var key in _pools.Keys.Where(k => !live.Contains(k)).ToList())
            {
                _pools.Remove(key);
            }
        }
        foreach (var pool in retired)
        {
            pool.DisposeAsync().Forget();
        }
        LogHeldChanges(previous, next);
        Holds.Pulse();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Abort("endpoint removed");
        }
        List<BackendPool> pools;
        lock (_gate)
        {
            pools = [.. _pools.Values];
            _pools.Clear();
        }
        Holds.Dispose();
        foreach (var pool in pools)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static (int, string, int) Key(ShardConfig s) => (s.Uid, s.Host, s.Port);

    private RoutingTable Build(DatabaseConfig database, long version)
    {
        lock (_gate)
        {
            var masters = database.Masters
                .OrderBy(s => s.Slots.Count == 0 ? int.MaxValue : s.Slots.Min(r => r.Start))
                .ToList();
            var routes = new List<ShardRoute>(masters.Count);
            foreach (var shard in masters)
            {
                if (!_pools.TryGetValue(Key(shard), out var pool))
                {
                    var endPoint = new IPEndPoint(IPAddress.Parse(shard.Host), shard.Port);
                    pool = new BackendPool(endPoint, _options.ConnectionsPerShard, _options.MaxIdleDedicatedPerShard, Holds.Pulse, _time, _logger);
                    _pools[Key(shard)] = pool;
                }
                routes.Add(new ShardRoute(routes.Count, shard, pool));
            }
            var nodes = _nodes;
            var users = Auth.EndpointUsers.Build(database.AclUsers, _table?.Users,
                (user, error) => Log.InvalidAclRules(_logger, user, database.Uid, error));
            return new RoutingTable(version, database, routes,
                table => ClusterLayout.Build(database, table.Masters, nodes, _options.NodeUid, _options.BindAddress, version), users);
        }
    }

    private void LogHeldChanges(RoutingTable? previous, RoutingTable next)
    {
        foreach (var route in next.Masters)
        {
            var wasHeld = previous?.Masters.FirstOrDefault(r => r.Shard.Uid == route.Shard.Uid)?.Shard.Held ?? false;
            if (route.Shard.Held && !wasHeld)
            {
                Log.ShardHeld(_logger, route.Shard.Uid, next.Database.Uid, next.Version);
            }
            else if (!route.Shard.Held && wasHeld)
            {
                Log.ShardReleased(_logger, route.Shard.Uid, next.Database.Uid, next.Version);
            }
        }
        foreach (var gone in previous?.Masters ?? [])
        {
            if (gone.Shard.Held && !next.Masters.Any(r => r.Shard.Uid == gone.Shard.Uid))
            {
                Log.ShardReleased(_logger, gone.Shard.Uid, next.Database.Uid, next.Version);
            }
        }
    }
}
