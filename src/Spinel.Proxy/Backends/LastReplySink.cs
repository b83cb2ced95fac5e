using System.Buffers;

namespace Spinel.Proxy.Backends;

/// <summary>Receives the replies of a batch (MULTI ... EXEC, PUBLISH + WAIT) and passes on only the last one.</summary>
internal sealed class LastReplySink(IReplySink target, int replies) : IReplySink
{
    private int _remaining = replies;
    private string? _failure;

    public IReplySink Target => target;

    public bool IsDone => _remaining == 0;

    public void OnReply(in ReadOnlySequence<byte> frame)
    {
        if (--_remaining == 0)
        {
            if (_failure is null)
            {
                target.OnReply(frame);
            }
            else
            {
                target.OnFailure(_failure);
            }
        }
    }

    public void OnFailure(string error)
    {
        _failure ??= error;
        if (--_remaining == 0)
        {
            target.OnFailure(_failure);
        }
    }
}
