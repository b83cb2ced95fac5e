namespace Spinel.Resp.Framing;

/// <summary>ASCII case helpers for command names and keywords.</summary>
public static class AsciiUpper
{
    /// <summary>True when <paramref name="value"/> equals <paramref name="upper"/> (which must be upper case) ignoring ASCII case.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> upper)
    {
        if (value.Length != upper.Length)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= (byte)'a' and <= (byte)'z')
            {
                c -= 32;
            }
            if (c != upper[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Upper-cases <paramref name="value"/> into <paramref name="destination"/> and returns it as a string of chars; false when too long.</summary>
    public static bool TryToUpperChars(ReadOnlySpan<byte> value, Span<char> destination, out int written)
    {
        written = 0;
        if (value.Length > destination.Length)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= (byte)'a' and <= (byte)'z')
            {
                c -= 32;
            }
            destination[i] = (char)c;
        }
        written = value.Length;
        return true;
    }
}
