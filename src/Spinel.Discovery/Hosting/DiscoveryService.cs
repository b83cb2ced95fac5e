using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Discovery.PubSub;
using Spinel.Discovery.Sessions;
using Spinel.Discovery.View;
using Spinel.Model;

namespace Spinel.Discovery.Hosting;

/// <summary>
/// The Sentinel-protocol discovery service of this node: listens on <see cref="DiscoveryOptions.Port"/>, answers from
/// the topology, and publishes <c>+switch-master</c> when a database's endpoint moves.
/// </summary>
internal sealed partial class DiscoveryService : BackgroundService
{
    /// <summary>Service key of the discovery service's own socket transport.</summary>
    public const string TransportKey = "Spinel.Discovery";

    private static readonly TimeSpan BindRetry = TimeSpan.FromSeconds(5);

    private readonly IConnectionListenerFactory _transport;
    private readonly DiscoveryOptions _options;
    private readonly SentinelViewSource _views;
    private readonly SubscriberRegistry _subscribers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SessionContext _context;
    private readonly ConcurrentDictionary<long, (ConnectionContext Connection, Task Run)> _sessions = new();
    private readonly TaskCompletionSource<EndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DiscoveryService([FromKeyedServices(TransportKey)] IConnectionListenerFactory transport, IOptions<DiscoveryOptions> options,
        SentinelViewSource views, SubscriberRegistry subscribers, TimeProvider time, ILogger<DiscoveryService> logger)
    {
        _transport = transport;
        _options = options.Value;
        _views = views;
        _subscribers = subscribers;
        _time = time;
        _logger = logger;
        _context = new SessionContext(views, subscribers, _options.Port, time, logger);
    }

    /// <summary>Completes with the address the service listens on once it does (tests wait for it).</summary>
    public Task<EndPoint> Bound => _bound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Port == 0)
        {
            Log.Disabled(_logger);
            return;
        }
        var watching = WatchTopologyAsync(stoppingToken);
        var listener = await BindAsync(stoppingToken).ConfigureAwait(false);
        if (listener is not null)
        {
            try
            {
                await AcceptLoopAsync(listener, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                await listener.UnbindAsync(CancellationToken.None).ConfigureAwait(false);
                await listener.DisposeAsync().ConfigureAwait(false);
                await CloseSessionsAsync().ConfigureAwait(false);
                Log.Stopped(_logger, listener.EndPoint);
            }
        }
        await watching.ConfigureAwait(false);
    }

    // A port already taken must not take the node down: the data path works without discovery, so log it and retry.
    private async Task<IConnectionListener?> BindAsync(CancellationToken cancellationToken)
    {
        var endPoint = new IPEndPoint(IPAddress.Parse(_options.BindAddress), _options.Port);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var listener = await _transport.BindAsync(endPoint, cancellationToken).ConfigureAwait(false);
                Log.Listening(_logger, listener.EndPoint, attempt);
                _bound.TrySetResult(listener.EndPoint);
                return listener;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (Exception ex)
            {
                if (attempt == 1)
                {
                    var reason = ex is AddressInUseException ? "the port is in use" : ex.Message;
                    Log.BindFailed(_logger, endPoint, reason, (int)BindRetry.TotalSeconds, ex);
                }
            }
            try
            {
                await Task.Delay(BindRetry, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    private async Task AcceptLoopAsync(IConnectionListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ConnectionContext? connection;
            try
            {
                connection = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (connection is null)
            {
                return;
            }
            var session = new SentinelSession(connection, _context);
            var run = new TaskCompletionSource();
            _sessions[session.Id] = (connection, run.Task);
            _ = RunSessionAsync(session, connection, run, cancellationToken);
        }
    }

    private async Task RunSessionAsync(SentinelSession session, ConnectionContext connection, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        _context.OnClientOpened();
        try
        {
            await session.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // One broken session must never take the service down; drop only that client.
            Log.SessionFailed(_logger, session.Id, connection.RemoteEndPoint, ex);
        }
        finally
        {
            _context.OnClientClosed();
            await connection.DisposeAsync().ConfigureAwait(false);
            _sessions.TryRemove(session.Id, out _);
            done.TrySetResult();
        }
    }

    private async Task CloseSessionsAsync()
    {
        var sessions = _sessions.Values.ToList();
        foreach (var (connection, _) in sessions)
        {
            connection.Abort(new ConnectionAbortedException("The discovery service is stopping."));
        }
        await Task.WhenAll(sessions.Select(s => s.Run)).WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WatchTopologyAsync(CancellationToken cancellationToken)
    {
        var previous = _views.Current;
        while (true)
        {
            try
            {
                var snapshot = await _views.Topology.WaitForNewerAsync(previous.Version, cancellationToken).ConfigureAwait(false);
                var next = _views.Build(snapshot);
                foreach (var (old, moved) in SentinelView.Moves(previous, next))
                {
                    // Sentinel's own message: "<master-name> <old-ip> <old-port> <new-ip> <new-port>".
                    var receivers = _subscribers.Publish("+switch-master", $"{moved.Name} {old.Ip} {old.Port} {moved.Ip} {moved.Port}");
                    Log.EndpointMoved(_logger, moved.Name, old.Address, moved.Address, receivers);
                }
                previous = next;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.WatchFailed(_logger, ex);
                await Task.Delay(BindRetry, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
