using System.Net;
using System.Net.Sockets;
using DnsClient;
using Microsoft.Extensions.Logging;
using Spinel.Dns.Tests.Infrastructure;
using static Spinel.Dns.Tests.Infrastructure.TestTopology;

namespace Spinel.Dns.Tests;

public sealed class ClusterDnsServerLifecycleTests
{
    [Fact]
    public async Task StartAsync_TcpPortTaken_LogsErrorReleasesUdpAndDoesNotThrow()
    {
        var port = DnsTestServer.FreePort();
        using var taken = new TcpListener(IPAddress.Loopback, port);
        taken.Start();

        await using var dns = await DnsTestServer.StartAsync(Standard(), port: port);

        Assert.Null(dns.Server.EndPoint);
        var error = Assert.Single(dns.Logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--Dns:Port", error.Message, StringComparison.Ordinal);
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task StartAsync_UdpPortTaken_LogsErrorAndDoesNotThrow()
    {
        var port = DnsTestServer.FreePort();
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, port));

        await using var dns = await DnsTestServer.StartAsync(Standard(), port: port);

        Assert.Null(dns.Server.EndPoint);
        Assert.Single(dns.Logger.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task StartAsync_PortZero_ListensNowhere()
    {
        await using var dns = await DnsTestServer.StartAsync(Standard(), port: 0);

        Assert.Null(dns.Server.EndPoint);
        Assert.Contains(dns.Logger.Entries, e => e.Message.Contains("off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopAsync_ReleasesBothPorts()
    {
        var dns = await DnsTestServer.StartAsync(Standard());
        Assert.NotNull(dns.Server.EndPoint);

        await dns.DisposeAsync();

        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, dns.Port));
        using var tcp = new TcpListener(IPAddress.Loopback, dns.Port);
        tcp.Start();
    }

    [Fact]
    public async Task MalformedPackets_AreDroppedAndLaterQueriesAnswered()
    {
        await using var dns = await DnsTestServer.StartAsync(Standard());
        var server = new IPEndPoint(IPAddress.Loopback, dns.Port);
        using (var udp = new UdpClient(AddressFamily.InterNetwork))
        {
            byte[][] garbage =
            [
                [0x00],
                [0x12, 0x34, 0x01, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
                [0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3f, (byte)'a'],
                [.. Enumerable.Range(0, 600).Select(i => (byte)(i * 7))],
            ];
            foreach (var packet in garbage)
            {
                await udp.SendAsync(packet, server);
            }
        }
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(server);
            var stream = tcp.GetStream();
            await stream.WriteAsync(new byte[] { 0x00, 0x04, 0xde, 0xad, 0xbe, 0xef });
            await stream.WriteAsync(new byte[] { 0xff, 0xff, 0x01 });
        }

        foreach (var tcp in new[] { false, true })
        {
            var response = await dns.Client(tcp).QueryAsync("redis-12000.cluster.test", QueryType.A);
            Assert.Equal([IPAddress.Parse("127.0.0.1")], response.Answers.ARecords().Select(r => r.Address));
        }
    }
}
