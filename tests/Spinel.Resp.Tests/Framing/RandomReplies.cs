using System.Text;

namespace Spinel.Resp.Tests.Framing;

/// <summary>Builds random RESP2/RESP3 reply frames of every type, nested, with attributes and binary payloads.</summary>
internal static class RandomReplies
{
    public static (byte[] Stream, List<int> FrameEnds) Build(Random random, int frames)
    {
        var stream = new MemoryStream();
        var ends = new List<int>();
        for (var i = 0; i < frames; i++)
        {
            WriteValue(stream, random, depth: 0);
            ends.Add((int)stream.Length);
        }
        return (stream.ToArray(), ends);
    }

    private static void WriteValue(MemoryStream stream, Random random, int depth)
    {
        var kind = random.Next(depth > 4 ? 10 : 17);
        switch (kind)
        {
            case 0: Write(stream, "+OK\r\n"); break;
            case 1: Write(stream, "-ERR bad thing *2 $3\r\n"); break;
            case 2: Write(stream, $":{random.NextInt64(long.MinValue, long.MaxValue)}\r\n"); break;
            case 3: Write(stream, "_\r\n"); break;
            case 4: Write(stream, $",{random.NextDouble() * 1e6:R}\r\n"); break;
            case 5: Write(stream, random.Next(2) == 0 ? "#t\r\n" : "#f\r\n"); break;
            case 6: Write(stream, "(123456789012345678901234567890\r\n"); break;
            case 7: WriteBlob(stream, random, '$'); break;
            case 8: WriteBlob(stream, random, '!'); break;
            case 9: Write(stream, random.Next(2) == 0 ? "$-1\r\n" : "*-1\r\n"); break;
            case 10: WriteBlob(stream, random, '='); break;
            case 11: WriteAggregate(stream, random, depth, '*', 1); break;
            case 12: WriteAggregate(stream, random, depth, '~', 1); break;
            case 13: WriteAggregate(stream, random, depth, '>', 1); break;
            case 14: WriteAggregate(stream, random, depth, '%', 2); break;
            case 15:
                WriteAggregate(stream, random, depth, '|', 2);
                WriteValue(stream, random, depth + 1);
                break;
            default: WriteAggregate(stream, random, depth, '*', 1); break;
        }
    }

    private static void WriteAggregate(MemoryStream stream, Random random, int depth, char type, int perEntry)
    {
        var count = random.Next(type == '|' ? 1 : 0, 5);
        Write(stream, $"{type}{count}\r\n");
        for (var i = 0; i < count * perEntry; i++)
        {
            WriteValue(stream, random, depth + 1);
        }
    }

    private static void WriteBlob(MemoryStream stream, Random random, char type)
    {
        var length = random.Next(12) == 0 ? random.Next(2000, 70_000) : random.Next(0, 40);
        var payload = new byte[length];
        random.NextBytes(payload);
        if (length >= 4)
        {
            "\r\n+O"u8.CopyTo(payload.AsSpan(random.Next(length - 3)));
        }
        Write(stream, $"{type}{length}\r\n");
        stream.Write(payload);
        Write(stream, "\r\n");
    }

    private static void Write(MemoryStream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
