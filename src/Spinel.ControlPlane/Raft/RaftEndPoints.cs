using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Spinel.ControlPlane.Raft;

/// <summary>Parses and formats Raft endpoints as <c>ip:port</c>, the form stored in <see cref="Store.NodeRecord.RaftEndPoint"/>.</summary>
public static class RaftEndPoints
{
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (string.IsNullOrWhiteSpace(text) || !IPEndPoint.TryParse(text, out var parsed) || parsed.Port == 0)
        {
            return false;
        }
        endPoint = parsed;
        return true;
    }

    public static IPEndPoint Parse(string text) =>
        TryParse(text, out var endPoint) ? endPoint : throw new FormatException($"'{text}' is not an ip:port endpoint.");

    public static string Format(EndPoint endPoint) => endPoint.ToString() ?? "";
}
