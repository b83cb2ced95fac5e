using System.Net;
using System.Net.Sockets;
using DnsClient;
using Microsoft.Extensions.Options;
using Spinel.Model;

namespace Spinel.Dns.Tests.Infrastructure;

/// <summary>A real <see cref="ClusterDnsServer"/> on a free loopback port, serving an in-memory topology.</summary>
internal sealed class DnsTestServer : IAsyncDisposable
{
    private DnsTestServer(ClusterDnsServer server, InMemoryTopologySource topology, ListLogger<ClusterDnsServer> logger, int port)
    {
        Server = server;
        Topology = topology;
        Logger = logger;
        Port = port;
    }

    public ClusterDnsServer Server { get; }

    public InMemoryTopologySource Topology { get; }

    public ListLogger<ClusterDnsServer> Logger { get; }

    public int Port { get; }

    public static async Task<DnsTestServer> StartAsync(TopologySnapshot topology, int nodeUid = 1, TimeSpan? ttl = null, int? port = null)
    {
        var source = new InMemoryTopologySource(topology);
        var logger = new ListLogger<ClusterDnsServer>();
        var chosen = port ?? FreePort();
        var options = new ClusterDnsOptions { NodeUid = nodeUid, BindAddress = "127.0.0.1", Port = chosen, Ttl = ttl ?? TimeSpan.FromSeconds(5) };
        var server = new ClusterDnsServer(source, Options.Create(options), logger);
        await server.StartAsync(CancellationToken.None);
        return new DnsTestServer(server, source, logger, chosen);
    }

    /// <summary>A client of this server only, without cache or retries; over TCP only when <paramref name="tcp"/>.</summary>
    public LookupClient Client(bool tcp = false) => new(new LookupClientOptions(new NameServer(IPAddress.Loopback, Port))
    {
        UseCache = false,
        UseTcpOnly = tcp,
        UseTcpFallback = true,
        Retries = 0,
        Timeout = TimeSpan.FromSeconds(5),
        ThrowDnsErrors = false,
        ContinueOnDnsError = false,
        ContinueOnEmptyResponse = false,
    });

    /// <summary>A port free on 127.0.0.1 for both UDP and TCP at the time of the call.</summary>
    public static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(CancellationToken.None);
        Server.Dispose();
    }
}
