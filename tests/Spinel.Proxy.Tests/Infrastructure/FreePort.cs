using System.Net;
using System.Net.Sockets;

namespace Spinel.Proxy.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A local port that is free now (the OS hands out ephemeral ports round-robin, so it stays free a while).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
