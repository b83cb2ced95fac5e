namespace Spinel.Resp.Commands;

/// <summary>Redis-style glob matching (<c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>[^x]</c>, <c>\</c> escapes), as used by COMMAND LIST FILTERBY PATTERN and PSUBSCRIBE.</summary>
public static class GlobPattern
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
    {
        int p = 0, t = 0;
        int starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                while (p < pattern.Length && pattern[p] == '*')
                {
                    p++;
                }
                if (p == pattern.Length)
                {
                    return true;
                }
                starP = p;
                starT = t;
                continue;
            }
            if (p < pattern.Length && MatchOne(pattern, ref p, text[t], ignoreCase))
            {
                t++;
                continue;
            }
            if (starP < 0)
            {
                return false;
            }
            // Let the last star swallow one more character and retry from there.
            p = starP;
            t = ++starT;
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    /// <summary>Matches one pattern element at <paramref name="p"/> against <paramref name="c"/>; advances past it on success.</summary>
    private static bool MatchOne(ReadOnlySpan<char> pattern, ref int p, char c, bool ignoreCase)
    {
        switch (pattern[p])
        {
            case '?':
                p++;
                return true;
            case '[':
                return MatchClass(pattern, ref p, c, ignoreCase);
            case '\\' when p + 1 < pattern.Length:
                if (!SameChar(pattern[p + 1], c, ignoreCase))
                {
                    return false;
                }
                p += 2;
                return true;
            default:
                if (!SameChar(pattern[p], c, ignoreCase))
                {
                    return false;
                }
                p++;
                return true;
        }
    }

    private static bool MatchClass(ReadOnlySpan<char> pattern, ref int p, char c, bool ignoreCase)
    {
        var i = p + 1;
        var negate = i < pattern.Length && pattern[i] == '^';
        if (negate)
        {
            i++;
        }
        var matched = false;
        // An unterminated class runs to the end of the pattern, as in redis.
        while (i < pattern.Length && pattern[i] != ']')
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                matched |= SameChar(pattern[i + 1], c, ignoreCase);
                i += 2;
            }
            else if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                var low = pattern[i];
                var high = pattern[i + 2];
                if (low > high)
                {
                    (low, high) = (high, low);
                }
                var x = c;
                if (ignoreCase)
                {
                    low = char.ToLowerInvariant(low);
                    high = char.ToLowerInvariant(high);
                    x = char.ToLowerInvariant(x);
                }
                matched |= x >= low && x <= high;
                i += 3;
            }
            else
            {
                matched |= SameChar(pattern[i], c, ignoreCase);
                i++;
            }
        }
        p = i < pattern.Length ? i + 1 : i;
        return matched != negate;
    }

    private static bool SameChar(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
