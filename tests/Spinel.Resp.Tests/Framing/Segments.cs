using System.Buffers;
using System.Text;

namespace Spinel.Resp.Tests.Framing;

/// <summary>Builds multi-segment sequences, as a pipe hands them out.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Of(params string[] parts) => Of([.. parts.Select(Encoding.ASCII.GetBytes)]);

    public static ReadOnlySequence<byte> Of(params byte[][] parts)
    {
        var first = new Segments(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            var next = new Segments(part, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
