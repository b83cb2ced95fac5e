using System.Diagnostics.CodeAnalysis;

namespace Spinel.Resp.Framing;

/// <summary>A client broke the RESP protocol; the message is what redis-server would answer after <c>-ERR </c>.</summary>
public sealed class RespProtocolException(string message) : Exception(message)
{
    [DoesNotReturn]
    public static void Throw(string message) => throw new RespProtocolException(message);
}
