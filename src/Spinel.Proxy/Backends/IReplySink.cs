using System.Buffers;

namespace Spinel.Proxy.Backends;

/// <summary>Receives the reply to one request sent on a backend connection. Called on the connection's reader; must not block.</summary>
internal interface IReplySink
{
    /// <summary>The complete reply frame; valid only during the call.</summary>
    void OnReply(in ReadOnlySequence<byte> frame);

    /// <summary>The request got no reply (the connection failed); <paramref name="error"/> is a RESP error line without the leading '-'.</summary>
    void OnFailure(string error);
}
