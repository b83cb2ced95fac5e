using System.Net;
using System.Net.Sockets;

namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>Hands out ports that are free now and not handed out before in this test run.</summary>
public static class FreePorts
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];
    private static int _next = 21000 + (Environment.ProcessId % 50 * 100);

    /// <summary>A free port in the shard range (20000-29999).</summary>
    public static int NextShardPort() => Next(20000, 29999);

    /// <summary>A free port in the endpoint range (10000-19999).</summary>
    public static int NextEndpointPort() => Next(10000, 19999);

    private static int Next(int low, int high)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 20000; attempt++)
            {
                _next++;
                var port = low + ((_next - low) % (high - low + 1) + (high - low + 1)) % (high - low + 1);
                if (Given.Contains(port) || !IsFree(port))
                {
                    continue;
                }
                Given.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException("No free port found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
