using System.Text;

namespace Spinel.Resp.Tests.Framing;

/// <summary>Builds a random stream of valid client requests (multibulk, inline, empty frames) and the commands it holds.</summary>
internal static class RandomRequests
{
    private static readonly byte[] Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_{}"u8.ToArray();

    public static (byte[] Stream, List<byte[][]> Commands) Build(Random random, int frames)
    {
        var stream = new MemoryStream();
        var commands = new List<byte[][]>();
        for (var i = 0; i < frames; i++)
        {
            switch (random.Next(10))
            {
                case < 6:
                    commands.Add(WriteMultibulk(stream, random));
                    break;
                case < 9:
                    commands.Add(WriteInline(stream, random));
                    break;
                default:
                    WriteEmpty(stream, random);
                    break;
            }
        }
        return (stream.ToArray(), commands);
    }

    /// <summary>Cut points (ascending, the last one the length) splitting <paramref name="length"/> bytes into 1..maxSegments pieces.</summary>
    public static List<int> Cuts(Random random, int length, int maxSegments)
    {
        var segments = random.Next(1, Math.Min(maxSegments, length) + 1);
        var cuts = new SortedSet<int> { length };
        while (cuts.Count < segments)
        {
            cuts.Add(random.Next(1, length));
        }
        return [.. cuts];
    }

    private static byte[][] WriteMultibulk(MemoryStream stream, Random random)
    {
        var args = new byte[random.Next(1, 8)][];
        for (var i = 0; i < args.Length; i++)
        {
            var length = random.Next(20) switch
            {
                0 => 0,
                1 => random.Next(1000, 20_000),
                _ => random.Next(1, 40),
            };
            args[i] = new byte[length];
            random.NextBytes(args[i]);
            if (length >= 4 && random.Next(3) == 0)
            {
                // Frame delimiters inside a value must not confuse the scanner.
                "\r\n*1"u8.CopyTo(args[i].AsSpan(random.Next(length - 3)));
            }
        }
        Write(stream, $"*{args.Length}\r\n");
        foreach (var arg in args)
        {
            Write(stream, $"${arg.Length}\r\n");
            stream.Write(arg);
            Write(stream, "\r\n");
        }
        return args;
    }

    private static byte[][] WriteInline(MemoryStream stream, Random random)
    {
        var args = new List<byte[]>();
        var line = new StringBuilder();
        var count = random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            line.Append(i == 0 ? (random.Next(4) == 0 ? "  " : "") : (random.Next(2) == 0 ? " " : " \t "));
            var word = new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)Alphabet[random.Next(Alphabet.Length)])]);
            switch (i == 0 ? 0 : random.Next(4))
            {
                case 1:
                    line.Append('"').Append(word).Append(" \\x41\\n\"");
                    args.Add(Encoding.ASCII.GetBytes(word + " A\n"));
                    break;
                case 2:
                    line.Append('\'').Append(word).Append(" x'");
                    args.Add(Encoding.ASCII.GetBytes(word + " x"));
                    break;
                default:
                    line.Append(word);
                    args.Add(Encoding.ASCII.GetBytes(word));
                    break;
            }
        }
        line.Append(random.Next(3) == 0 ? "\n" : "\r\n");
        Write(stream, line.ToString());
        return [.. args];
    }

    private static void WriteEmpty(MemoryStream stream, Random random) =>
        Write(stream, random.Next(4) switch { 0 => "*0\r\n", 1 => "*-1\r\n", 2 => "\r\n", _ => "   \n" });

    private static void Write(MemoryStream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
