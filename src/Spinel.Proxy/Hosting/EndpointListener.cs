using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Spinel.Model;
using Spinel.Proxy.Routing;
using Spinel.Proxy.Sessions;

namespace Spinel.Proxy.Hosting;

/// <summary>The listening socket of one database endpoint and the sessions it accepted.</summary>
internal sealed partial class EndpointListener : IAsyncDisposable
{
    private static readonly byte[] TooManyClients = "-ERR max number of clients reached\r\n"u8.ToArray();

    private readonly IConnectionListener _listener;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private readonly ITimer? _idleSweep;

    private static readonly TimeSpan TlsHandshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly Tls.IEndpointCertificateSource? _certificates;

    private EndpointListener(IConnectionListener listener, DatabaseRuntime runtime, ILogger logger, TimeProvider time, Tls.IEndpointCertificateSource? certificates)
    {
        _certificates = certificates;
        _listener = listener;
        Runtime = runtime;
        _logger = logger;
        _time = time;
        _acceptLoop = AcceptLoopAsync();
        if (runtime.Options.IdleTimeout > TimeSpan.Zero)
        {
            _idleSweep = time.CreateTimer(_ => CloseIdleClients(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    public DatabaseRuntime Runtime { get; }

    public int Port => Runtime.Table.Database.Port;

    public static async Task<EndpointListener> StartAsync(IConnectionListenerFactory factory, DatabaseConfig database, TopologySnapshot snapshot,
        ProxyOptions options, IWriteFence fence, ILogger logger, TimeProvider time, Tls.IEndpointCertificateSource? certificates,
        CancellationToken cancellationToken)
    {
        var endPoint = new IPEndPoint(IPAddress.Parse(options.BindAddress), database.Port);
        var listener = await factory.BindAsync(endPoint, cancellationToken).ConfigureAwait(false);
        var runtime = new DatabaseRuntime(database, snapshot.Version, options, fence, time, logger, snapshot.Nodes);
        return new EndpointListener(listener, runtime, logger, time, certificates);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _idleSweep?.Dispose();
        await _listener.UnbindAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await Runtime.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync()
    {
        await Task.Yield();
        while (!_stopping.IsCancellationRequested)
        {
            ConnectionContext? connection;
            try
            {
                connection = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (connection is null)
            {
                return;
            }
            if (Runtime.ClientCount >= Runtime.Table.Database.MaxConnections)
            {
                Log.ClientRejected(_logger, Port, connection.RemoteEndPoint, Runtime.ClientCount);
                Runtime.Counters.OnRejected();
                _ = RejectAsync(connection);
                continue;
            }
            _ = RunSessionAsync(connection);
        }
    }

    private async Task RunSessionAsync(ConnectionContext connection)
    {
        var client = connection;
        try
        {
            // Read per connection: turning TLS on or off applies to new connections, as in Redis Enterprise.
            if (Runtime.Table.Database.Tls)
            {
                if (await AcceptTlsAsync(connection).ConfigureAwait(false) is not { } secured)
                {
                    return;
                }
                client = secured;
            }
            var session = new ClientSession(client, Runtime, _logger, _time);
            await session.RunAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A session must never take the endpoint down; log what went wrong and drop only that client.
            Log.SessionFailed(_logger, Port, ex);
        }
        finally
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ConnectionContext?> AcceptTlsAsync(ConnectionContext connection)
    {
        if (_certificates?.Current is not { } certificate)
        {
            Log.TlsCertificateMissing(_logger, Port, connection.RemoteEndPoint);
            return null;
        }
        try
        {
            return await Tls.TlsConnection.AcceptAsync(connection, certificate, Runtime.Table.Database.ClientCertificates, TlsHandshakeTimeout, _stopping.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException or OperationCanceledException or ConnectionResetException)
        {
            // Plain text to a TLS endpoint, a client that gave up, or one that never finished: that client only.
            Log.TlsHandshakeFailed(_logger, connection.RemoteEndPoint, Port, ex.Message);
            return null;
        }
    }

    private static async Task RejectAsync(ConnectionContext connection)
    {
        try
        {
            await connection.Transport.Output.WriteAsync(TooManyClients).ConfigureAwait(false);
            await connection.Transport.Output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void CloseIdleClients()
    {
        var limit = Runtime.Options.IdleTimeout;
        var now = _time.GetUtcNow();
        foreach (var client in Runtime.Clients)
        {
            if (!client.IsWaiting && now - client.LastActivity > limit)
            {
                Log.IdleTimeout(_logger, client.Id, Port);
                client.Abort("idle timeout");
            }
        }
    }
}
