using System.Net;
using System.Net.Sockets;

namespace Spinel.ControlPlane.Tests.Infrastructure;

/// <summary>Hands out loopback ports that were free a moment ago (the kernel picks them).</summary>
internal static class TestPorts
{
    public static int NextFree()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
