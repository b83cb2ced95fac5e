using System.Buffers;
using System.Text;
using Spinel.Proxy.Backends;

namespace Spinel.Proxy.Sessions;

/// <summary>
/// A place in a client's reply order. Taken when the request is read, filled (on any thread) when its reply is
/// known, written to the client when every earlier slot has been written.
/// </summary>
internal sealed class ReplySlot : IReplySink
{
    private readonly ReplyQueue _queue;
    private byte[]? _buffer;
    private int _length;
    private volatile bool _completed;
    private Metrics.EndpointCounters? _counters;
    private Metrics.RequestKind _kind;
    private long _startTimestamp;

    public ReplySlot(ReplyQueue queue) => _queue = queue;

    internal ReplySlot? Next { get; set; }

    public bool IsCompleted => _completed;

    /// <summary>Close the client connection once this reply has been written (QUIT, protocol errors).</summary>
    public bool CloseAfterWrite { get; set; }

    /// <summary>Do not write this reply (CLIENT REPLY OFF/SKIP); the slot still keeps its place in the order.</summary>
    public bool Suppressed { get; set; }

    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, _length);

    public int Length => _length;

    /// <summary>Counts this slot's request now and its response (with its latency) when the slot completes.</summary>
    public void Measure(Metrics.EndpointCounters counters, Metrics.RequestKind kind, long startTimestamp)
    {
        counters.OnRequest(kind);
        _counters = counters;
        _kind = kind;
        _startTimestamp = startTimestamp;
    }

    public void OnReply(in ReadOnlySequence<byte> frame)
    {
        var length = (int)frame.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        frame.CopyTo(buffer);
        Complete(buffer, length);
    }

    public void OnFailure(string error) => CompleteError(error);

    public void Complete(ReadOnlySpan<byte> reply)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(reply.Length, 1));
        reply.CopyTo(buffer);
        Complete(buffer, reply.Length);
    }

    public void CompleteError(string error)
    {
        var bytes = Encoding.UTF8.GetBytes("-" + error + "\r\n");
        Complete(bytes);
    }

    /// <summary>Gives the pooled buffer back once the bytes were written.</summary>
    public void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            _length = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Complete(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        _counters?.OnResponse(_kind, _startTimestamp);
        _completed = true;
        _queue.OnCompleted(this);
    }
}
