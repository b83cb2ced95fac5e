using System.Net;
using System.Net.Sockets;

namespace Spinel.NodeAgent.Tests.Infrastructure;

/// <summary>Hands out shard ports from 21000 up that nothing listens on right now.</summary>
internal static class TestPorts
{
    private const int First = 21000;
    private const int Last = 29999;

    // A random start keeps concurrent test runs on this machine from walking the same ports.
    private static int s_next = First + Random.Shared.Next(0, 6000);

    public static int NextFree()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Interlocked.Increment(ref s_next);
            if (port > Last)
            {
                Interlocked.CompareExchange(ref s_next, First, port);
                continue;
            }
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free port found in 21000-29999");
    }

    /// <summary>A listener on a free port; another test project may take a port between the check and the bind, so it retries.</summary>
    public static TcpListener ListenOnFree(out int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            port = NextFree();
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return listener;
            }
            catch (SocketException) when (attempt < 20)
            {
                listener.Dispose();
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
