using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Model;

namespace Spinel.Dns;

/// <summary>
/// The node's authoritative DNS server for the cluster zone, on UDP and TCP. Every query is answered from the newest
/// topology snapshot (the zone is rebuilt when the snapshot changes), so answers follow endpoint moves at once. A port
/// that cannot be bound is logged and leaves the node running without DNS.
/// </summary>
internal sealed partial class ClusterDnsServer(ITopologySource topology, IOptions<ClusterDnsOptions> options, ILogger<ClusterDnsServer> logger)
    : IHostedService, IDisposable
{
    // Idle TCP clients are dropped after this; a resolver opens a new connection for its next query.
    private const int TcpKeepAliveMilliseconds = 10_000;
    private const int IoTimeoutMilliseconds = 5_000;

    private readonly ClusterDnsOptions _options = options.Value;
    private volatile DnsZone? _zone;
    private Listening? _listening;

    /// <summary>Where the server listens; null while it does not.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Port == 0)
        {
            LogDisabled(logger);
            return Task.CompletedTask;
        }
        var endPoint = new IPEndPoint(IPAddress.Parse(_options.BindAddress), _options.Port);
        var udp = new UdpServerTransport(endPoint, IoTimeoutMilliseconds);
        var tcp = new TcpServerTransport(endPoint, IoTimeoutMilliseconds, TcpKeepAliveMilliseconds);
        var server = new DnsServer(udp, tcp);
        server.QueryReceived += OnQueryReceivedAsync;
        server.ExceptionThrown += OnExceptionThrownAsync;
        try
        {
            server.Start();
        }
        catch (SocketException e)
        {
            // Start binds UDP before TCP: whichever was bound must be let go.
            udp.Dispose();
            tcp.Dispose();
            LogBindFailed(logger, endPoint, e.SocketErrorCode, e.Message);
            return Task.CompletedTask;
        }
        _listening = new Listening(server, udp, tcp);
        EndPoint = endPoint;
        var zone = CurrentZone();
        LogListening(logger, endPoint, zone.Apex?.ToString(false) ?? "(none yet)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _listening, null) is { } listening)
        {
            listening.Close();
            LogStopped(logger, EndPoint!);
            EndPoint = null;
        }
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _listening, null)?.Close();

    /// <summary>The zone of the newest topology snapshot, built on the first query that sees that snapshot.</summary>
    internal DnsZone CurrentZone()
    {
        var current = topology.Current;
        var zone = _zone;
        if (zone is null || !ReferenceEquals(zone.Source, current))
        {
            // Two queries may build the same zone at once; either result is right and the next one is reused.
            zone = DnsZone.Build(current, _options.NodeUid, (int)_options.Ttl.TotalSeconds);
            _zone = zone;
        }
        return zone;
    }

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        switch (e.Query)
        {
            case DnsMessage query:
                e.Response = ZoneResponder.Answer(query, CurrentZone());
                break;
            case DnsUpdateMessage update:
                var refused = update.CreateResponseInstance();
                refused.ReturnCode = ReturnCode.Refused;
                e.Response = refused;
                break;
        }
        return Task.CompletedTask;
    }

    private Task OnExceptionThrownAsync(object sender, ExceptionEventArgs e)
    {
        // Mostly packets that are not DNS messages; the library drops them without an answer.
        LogServerError(logger, e.Exception.GetBaseException().Message);
        return Task.CompletedTask;
    }

    private sealed record Listening(DnsServer Server, UdpServerTransport Udp, TcpServerTransport Tcp)
    {
        public void Close()
        {
            try
            {
                Server.Stop();
            }
            catch (AggregateException)
            {
                // Stop waits for the accept loops' start tasks, which were cancelled when it runs right after Start,
                // and then throws before closing the sockets.
            }
            Udp.Dispose();
            Tcp.Dispose();
        }
    }
}
