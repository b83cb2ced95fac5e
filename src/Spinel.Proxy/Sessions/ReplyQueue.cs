using System.Threading.Channels;

namespace Spinel.Proxy.Sessions;

/// <summary>
/// The FIFO of a client's outstanding replies. The session's reader appends slots in request order; backends
/// complete them in any order; the session's writer takes the completed prefix. Bounded by the caller through
/// <see cref="Count"/> and <see cref="WaitForSpaceAsync"/>.
/// </summary>
internal sealed class ReplyQueue
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _space = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly Action _onCompleted;
    private ReplySlot? _head;
    private ReplySlot? _tail;
    private int _count;
    private long _completedBytes;

    /// <param name="onCompleted">Called (on the completing thread) after any slot completed.</param>
    public ReplyQueue(Action onCompleted) => _onCompleted = onCompleted;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Bytes held in completed replies not yet written (the client's output buffer).</summary>
    public long CompletedBytes => Interlocked.Read(ref _completedBytes);

    public ReplySlot Enqueue()
    {
        var slot = new ReplySlot(this);
        lock (_gate)
        {
            if (_tail is null)
            {
                _head = _tail = slot;
            }
            else
            {
                _tail.Next = slot;
                _tail = slot;
            }
            _count++;
        }
        return slot;
    }

    /// <summary>Removes the head slot if it is complete.</summary>
    public bool TryDequeueCompleted(out ReplySlot slot)
    {
        lock (_gate)
        {
            var head = _head;
            if (head is null || !head.IsCompleted)
            {
                slot = null!;
                return false;
            }
            _head = head.Next;
            if (_head is null)
            {
                _tail = null;
            }
            head.Next = null;
            _count--;
            slot = head;
        }
        Interlocked.Add(ref _completedBytes, -slot.Length);
        _space.Writer.TryWrite(true);
        return true;
    }

    public void OnCompleted(ReplySlot slot)
    {
        Interlocked.Add(ref _completedBytes, slot.Length);
        _onCompleted();
    }

    /// <summary>Waits until a slot was written since the last wait.</summary>
    public ValueTask<bool> WaitForSpaceAsync(CancellationToken cancellationToken) =>
        WaitAsync(_space.Reader, cancellationToken);

    /// <summary>Wakes a reader waiting for space (to make it notice shutdown).</summary>
    public void Close() => _space.Writer.TryComplete();

    /// <summary>Releases the buffers of every slot still queued (the client went away).</summary>
    public void Drain()
    {
        lock (_gate)
        {
            for (var slot = _head; slot is not null; slot = slot.Next)
            {
                if (slot.IsCompleted)
                {
                    slot.Release();
                }
            }
            _head = _tail = null;
            _count = 0;
        }
    }

    private static async ValueTask<bool> WaitAsync(ChannelReader<bool> reader, CancellationToken cancellationToken)
    {
        if (reader.TryRead(out _))
        {
            return true;
        }
        if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        reader.TryRead(out _);
        return true;
    }
}
