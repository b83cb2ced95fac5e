using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Spinel.Discovery.Tests.Infrastructure;

namespace Spinel.Discovery.Tests.Hosting;

public sealed class ListenerTests
{
    [Fact]
    public async Task PortInUse_LogsAnErrorWithoutFailingAndBindsOnceFree()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = DiscoveryServer.FreePort();
        var squatter = new TcpListener(IPAddress.Parse(DiscoveryServer.BindAddress), port);
        squatter.Start();
        await using var server = await DiscoveryServer.StartAsync(port: port, time: time);

        await Eventually.TrueAsync(() => server.Logs.Entries.Any(e => e.EventId == 4002), "the bind error log");
        var error = server.Logs.Entries.Single(e => e.EventId == 4002);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("port is in use", error.Message, StringComparison.Ordinal);
        Assert.False(server.Service.Bound.IsCompleted);
        Assert.False(server.Service.ExecuteTask!.IsFaulted);

        squatter.Stop();
        // The retry's timer may start just after the log line: advance until it has fired.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!server.Service.Bound.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the service did not bind once the port was free");
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(server.Service.Bound, Task.Delay(50));
        }

        await using var client = await server.ConnectAsync();
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task PortZero_ServiceIsOff()
    {
        var topology = TestTopology.Initial();
        await using var server = await DiscoveryServer.StartAsync(topology, port: 0);

        await Eventually.TrueAsync(() => server.Service.ExecuteTask!.IsCompleted, "the service to stop");
        Assert.False(server.Service.Bound.IsCompleted);
        Assert.Contains(server.Logs.Entries, e => e.EventId == 4003);
    }
}
