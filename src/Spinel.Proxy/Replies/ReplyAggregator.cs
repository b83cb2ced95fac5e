using System.Buffers;
using System.Text;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Sessions;

namespace Spinel.Proxy.Replies;

/// <summary>Merges the replies of several shard requests into one client reply once all have arrived.</summary>
internal delegate void ReplyMerge(IReadOnlyList<RespNode> replies, IBufferWriter<byte> output);

/// <summary>Collects one reply per part (in any order, on any thread) and completes the client's slot with the merge.</summary>
internal sealed class ReplyAggregator
{
    private readonly ReplySlot _slot;
    private readonly ReplyMerge _merge;
    private readonly RespNode[] _replies;
    private int _remaining;

    public ReplyAggregator(ReplySlot slot, int parts, ReplyMerge merge)
    {
        _slot = slot;
        _merge = merge;
        _replies = new RespNode[parts];
        _remaining = parts;
    }

    public IReplySink Part(int index) => new PartSink(this, index);

    private void Set(int index, byte[] frame)
    {
        _replies[index] = RespNode.Parse(frame);
        if (Interlocked.Decrement(ref _remaining) != 0)
        {
            return;
        }
        var output = new ArrayBufferWriter<byte>();
        try
        {
            _merge(_replies, output);
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            output.ResetWrittenCount();
            _slot.CompleteError("ERR cannot merge shard replies: " + ex.Message);
            return;
        }
        _slot.Complete(output.WrittenSpan);
    }

    private sealed class PartSink(ReplyAggregator owner, int index) : IReplySink
    {
        public void OnReply(in ReadOnlySequence<byte> frame) => owner.Set(index, frame.ToArray());

        public void OnFailure(string error) => owner.Set(index, Encoding.UTF8.GetBytes("-" + error + "\r\n"));
    }
}
