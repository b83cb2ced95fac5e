using System.Buffers;

namespace Spinel.Proxy.Backends;

/// <summary>A sink that runs an action when the reply (or failure) arrives, ignoring the reply's content.</summary>
internal sealed class ActionSink(Action<string?> onDone) : IReplySink
{
    public void OnReply(in ReadOnlySequence<byte> frame) => onDone(null);

    public void OnFailure(string error) => onDone(error);
}
