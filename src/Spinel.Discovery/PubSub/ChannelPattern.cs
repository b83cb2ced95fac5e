namespace Spinel.Discovery.PubSub;

/// <summary>Redis's PSUBSCRIBE glob syntax: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, <c>[^x]</c> and <c>\</c> escapes; case-sensitive.</summary>
internal static class ChannelPattern
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        if (pattern.IsEmpty)
        {
            return text.IsEmpty;
        }
        switch (pattern[0])
        {
            case '*':
                var rest = pattern.TrimStart('*');
                for (var i = 0; i <= text.Length; i++)
                {
                    if (IsMatch(rest, text[i..]))
                    {
                        return true;
                    }
                }
                return false;
            case '?':
                return !text.IsEmpty && IsMatch(pattern[1..], text[1..]);
            case '[':
                return !text.IsEmpty && MatchClass(pattern, text[0], out var used) && IsMatch(pattern[used..], text[1..]);
            case '\\' when pattern.Length > 1:
                return !text.IsEmpty && text[0] == pattern[1] && IsMatch(pattern[2..], text[1..]);
            default:
                return !text.IsEmpty && text[0] == pattern[0] && IsMatch(pattern[1..], text[1..]);
        }
    }

    // Matches c against the class that opens pattern; used is the length of the class, closing bracket included
    // (an unclosed class runs to the end of the pattern, as in redis).
    private static bool MatchClass(ReadOnlySpan<char> pattern, char c, out int used)
    {
        var i = 1;
        var negate = i < pattern.Length && pattern[i] == '^';
        if (negate)
        {
            i++;
        }
        var matched = false;
        while (i < pattern.Length && pattern[i] != ']')
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                matched |= pattern[i + 1] == c;
                i += 2;
            }
            else if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                var (low, high) = pattern[i] <= pattern[i + 2] ? (pattern[i], pattern[i + 2]) : (pattern[i + 2], pattern[i]);
                matched |= c >= low && c <= high;
                i += 3;
            }
            else
            {
                matched |= pattern[i] == c;
                i++;
            }
        }
        used = Math.Min(i + 1, pattern.Length);
        return matched != negate;
    }
}
