using System.Buffers;
using System.Text;
using Spinel.Proxy.Sessions;

namespace Spinel.Proxy.Tests.Sessions;

public class ReplySlotTests
{
    [Fact]
    public void OnReply_FrameInSeveralSegments_CopiesItWhole()
    {
        var slot = new ReplyQueue(() => { }).Enqueue();

        slot.OnReply(Sequence("$5\r\nhe", "llo", "\r\n"));

        Assert.True(slot.IsCompleted);
        Assert.Equal("$5\r\nhello\r\n", Encoding.ASCII.GetString(slot.Data));
        Assert.Equal(11, slot.Length);
    }

    [Fact]
    public void CompleteError_Message_WritesAnErrorLine()
    {
        var slot = new ReplyQueue(() => { }).Enqueue();

        slot.CompleteError("ERR shard unavailable");

        Assert.Equal("-ERR shard unavailable\r\n", Encoding.ASCII.GetString(slot.Data));
    }

    [Fact]
    public void OnFailure_Message_CompletesWithThatError()
    {
        var slot = new ReplyQueue(() => { }).Enqueue();

        slot.OnFailure("ERR connection to shard lost");

        Assert.Equal("-ERR connection to shard lost\r\n", Encoding.ASCII.GetString(slot.Data));
    }

    [Fact]
    public void Complete_EmptyReply_CompletesWithZeroLength()
    {
        var queue = new ReplyQueue(() => { });
        var slot = queue.Enqueue();

        slot.Complete([]);

        Assert.True(slot.IsCompleted);
        Assert.Equal(0, slot.Length);
        Assert.Equal(0, queue.CompletedBytes);
    }

    [Fact]
    public void Release_Twice_ReturnsTheBufferOnlyOnce()
    {
        var slot = new ReplyQueue(() => { }).Enqueue();
        slot.Complete("+OK\r\n"u8);

        slot.Release();
        var again = Record.Exception(slot.Release);

        Assert.Null(again);
        Assert.True(slot.IsCompleted);
    }

    private static ReadOnlySequence<byte> Sequence(params string[] parts)
    {
        var first = new Segment(Encoding.ASCII.GetBytes(parts[0]), 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(Encoding.ASCII.GetBytes(part));
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
