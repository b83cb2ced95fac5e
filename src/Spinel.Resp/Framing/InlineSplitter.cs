namespace Spinel.Resp.Framing;

/// <summary>Splits an inline command line into arguments with redis-server's quoting rules (<c>sdssplitargs</c>).</summary>
internal static class InlineSplitter
{
    /// <summary>Returns the arguments, or null when quotes are unbalanced.</summary>
    public static List<byte[]>? Split(ReadOnlySpan<byte> line)
    {
        var args = new List<byte[]>();
        var current = new List<byte>();
        var p = 0;
        while (true)
        {
            while (p < line.Length && IsSpace(line[p]))
            {
                p++;
            }
            if (p >= line.Length)
            {
                return args;
            }
            var inDouble = false;
            var inSingle = false;
            var done = false;
            current.Clear();
            while (!done)
            {
                if (inDouble)
                {
                    if (p >= line.Length)
                    {
                        return null;
                    }
                    if (line[p] == '\\' && p + 3 < line.Length && line[p + 1] == 'x' && IsHex(line[p + 2]) && IsHex(line[p + 3]))
                    {
                        current.Add((byte)((HexValue(line[p + 2]) << 4) | HexValue(line[p + 3])));
                        p += 3;
                    }
                    else if (line[p] == '\\' && p + 1 < line.Length)
                    {
                        p++;
                        current.Add(line[p] switch
                        {
                            (byte)'n' => (byte)'\n',
                            (byte)'r' => (byte)'\r',
                            (byte)'t' => (byte)'\t',
                            (byte)'b' => (byte)'\b',
                            (byte)'a' => (byte)'\a',
                            var other => other,
                        });
                    }
                    else if (line[p] == '"')
                    {
                        // A closing quote must be followed by a space or nothing.
                        if (p + 1 < line.Length && !IsSpace(line[p + 1]))
                        {
                            return null;
                        }
                        done = true;
                    }
                    else
                    {
                        current.Add(line[p]);
                    }
                }
                else if (inSingle)
                {
                    if (p >= line.Length)
                    {
                        return null;
                    }
                    if (line[p] == '\\' && p + 1 < line.Length && line[p + 1] == '\'')
                    {
                        p++;
                        current.Add((byte)'\'');
                    }
                    else if (line[p] == '\'')
                    {
                        if (p + 1 < line.Length && !IsSpace(line[p + 1]))
                        {
                            return null;
                        }
                        done = true;
                    }
                    else
                    {
                        current.Add(line[p]);
                    }
                }
                else if (p >= line.Length)
                {
                    done = true;
                }
                else
                {
                    switch (line[p])
                    {
                        case (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0:
                            done = true;
                            break;
                        case (byte)'"':
                            inDouble = true;
                            break;
                        case (byte)'\'':
                            inSingle = true;
                            break;
                        default:
                            current.Add(line[p]);
                            break;
                    }
                }
                if (p < line.Length)
                {
                    p++;
                }
            }
            args.Add([.. current]);
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\v' or (byte)'\f';

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
