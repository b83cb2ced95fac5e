using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Spinel.Api.Json;

namespace Spinel.Api.Bootstrap;

/// <summary>What this machine offers a cluster, for <c>local_node_info</c> of <c>GET /v1/bootstrap</c>.</summary>
internal static class LocalNodeInfoReader
{
    public static LocalNodeInfoDto Read() => new()
    {
        Cores = Environment.ProcessorCount,
        TotalMemory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        OsVersion = RuntimeInformation.OSDescription,
        SoftwareVersion = SoftwareVersion.Current,
        AvailableAddrs = AvailableAddresses(),
    };

    private static List<string> AvailableAddresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
                .Select(a => a.Address.ToString())
                .Distinct()];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
