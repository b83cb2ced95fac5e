using System.Buffers;

namespace Spinel.Proxy.Backends;

/// <summary>Swallows a reply nobody waits for (UNWATCH sent when a client leaves, handshakes).</summary>
internal sealed class DiscardSink : IReplySink
{
    public static readonly DiscardSink Instance = new();

    public void OnReply(in ReadOnlySequence<byte> frame)
    {
    }

    public void OnFailure(string error)
    {
    }
}
