using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Model;

namespace Spinel.Proxy.Hosting;

/// <summary>
/// Binds, updates and unbinds this node's database endpoints to follow the topology. Level-triggered: every pass
/// compares the endpoints the snapshot wants here with those bound, and retries failed binds periodically.
/// </summary>
internal sealed partial class EndpointManager : BackgroundService, IEndpointStatusProvider, Metrics.IEndpointMetricsProvider
{
    internal const string TransportKey = "spinel-proxy";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    private readonly ITopologySource _topology;
    private readonly IWriteFence _fence;
    private readonly IConnectionListenerFactory _listenerFactory;
    private readonly Tls.IEndpointCertificateSource? _certificates;
    private readonly ProxyOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, EndpointListener> _listeners = new();
    private readonly ConcurrentDictionary<int, (DatabaseConfig Database, string Error)> _failed = new();

    public EndpointManager(ITopologySource topology, IWriteFence fence, [FromKeyedServices(TransportKey)] IConnectionListenerFactory listenerFactory,
        IOptions<ProxyOptions> options, ILogger<EndpointManager> logger, TimeProvider time, Tls.IEndpointCertificateSource? certificates = null)
    {
        _certificates = certificates;
        _topology = topology;
        _fence = fence;
        _listenerFactory = listenerFactory;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    public IReadOnlyList<Metrics.EndpointCounterSnapshot> GetEndpointCounters() =>
        [.. _listeners.Values.Select(l => l.Runtime.Counters.Snapshot(l.Runtime.Table.Database.Uid, l.Port)).OrderBy(s => s.Port)];

    public IReadOnlyList<EndpointStatus> GetStatuses()
    {
        var statuses = _listeners.Values.Select(l => new EndpointStatus(l.Runtime.Table.Database.Uid, l.Runtime.Table.Database.Name,
            l.Port, EndpointState.Listening, l.Runtime.ClientCount, null));
        var failed = _failed.Values.Select(f => new EndpointStatus(f.Database.Uid, f.Database.Name, f.Database.Port, EndpointState.Failed, 0, f.Error));
        return [.. statuses.Concat(failed).OrderBy(s => s.Port)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applied = -1L;
        while (!stoppingToken.IsCancellationRequested)
        {
            var snapshot = _topology.Current;
            if (snapshot.Version != applied || !_failed.IsEmpty)
            {
                await ApplyAsync(snapshot, stoppingToken).ConfigureAwait(false);
                applied = snapshot.Version;
            }
            using var retry = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            if (!_failed.IsEmpty)
            {
                retry.CancelAfter(RetryInterval);
            }
            try
            {
                await _topology.WaitForNewerAsync(applied, retry.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var uid in _listeners.Keys.ToList())
        {
            if (_listeners.TryRemove(uid, out var listener))
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyAsync(TopologySnapshot snapshot, CancellationToken cancellationToken)
    {
        var desired = snapshot.EndpointsOnNode(_options.NodeUid).ToDictionary(d => d.Uid);
        foreach (var (uid, listener) in _listeners)
        {
            if (!desired.TryGetValue(uid, out var database) || database.Port != listener.Port)
            {
                _listeners.TryRemove(uid, out _);
                await listener.DisposeAsync().ConfigureAwait(false);
                Log.Unbound(_logger, uid, listener.Port);
            }
        }
        foreach (var uid in _failed.Keys.Where(uid => !desired.ContainsKey(uid)).ToList())
        {
            _failed.TryRemove(uid, out _);
        }
        foreach (var (uid, database) in desired)
        {
            if (_listeners.TryGetValue(uid, out var listener))
            {
                listener.Runtime.Update(database, snapshot.Version, snapshot.Nodes);
                continue;
            }
            if (database.Masters.All(s => s.Slots.Count == 0))
            {
                continue;
            }
            try
            {
                listener = await EndpointListener.StartAsync(_listenerFactory, database, snapshot, _options, _fence, _logger, _time, _certificates, cancellationToken).ConfigureAwait(false);
                _listeners[uid] = listener;
                _failed.TryRemove(uid, out _);
                Log.Bound(_logger, database.Name, uid, _options.BindAddress, database.Port);
            }
            catch (Exception ex) when (ex is AddressInUseException or System.Net.Sockets.SocketException or IOException)
            {
                var error = ex is AddressInUseException ? $"port {database.Port} is already in use" : ex.Message;
                if (!_failed.TryGetValue(uid, out var previous) || previous.Error != error)
                {
                    Log.BindFailed(_logger, database.Name, uid, database.Port, error);
                }
                _failed[uid] = (database, error);
            }
        }
    }
}
