using Spinel.Resp.Framing;

namespace Spinel.Resp.Commands;

/// <summary>
/// Finds the key arguments of a request from its command's key specs (redis 7.0 algorithm), with command-specific code
/// where redis marks specs unknown or incomplete (SORT, MIGRATE). Never throws on malformed arguments: it returns the
/// keys it can find and leaves arity and syntax errors to the caller. Thread-safe.
/// </summary>
public static partial class KeyExtractor
{
    /// <summary>
    /// Appends the argument index (the command name is 0) of every key of <paramref name="request"/>, in key-spec order.
    /// With <paramref name="includeNotKeys"/>, shard channels (SPUBLISH, SSUBSCRIBE ...) count as keys, as cluster routing needs.
    /// </summary>
    public static void GetKeyIndexes(CommandInfo info, RespRequest request, List<int> keyIndexes, bool includeNotKeys = false) =>
        Find(info, request, new IndexSink(keyIndexes), includeNotKeys, strict: false);

    /// <summary>Like <see cref="GetKeyIndexes"/>, with how the command uses each key (variable flags of SET and BITFIELD resolved).</summary>
    public static void GetKeys(CommandInfo info, RespRequest request, List<KeyReference> keys, bool includeNotKeys = false)
    {
        var start = keys.Count;
        Find(info, request, new ReferenceSink(keys), includeNotKeys, strict: false);
        ResolveVariableFlags(info, request, keys, start);
    }

    /// <summary>
    /// Redis's COMMAND GETKEYS rules: a spec whose keys fall outside the arguments, or a bad key count, voids the whole
    /// result, so the caller can answer "Invalid arguments" like redis does.
    /// </summary>
    internal static void GetKeysStrict(CommandInfo info, RespRequest request, List<KeyReference> keys)
    {
        var start = keys.Count;
        if (!Find(info, request, new ReferenceSink(keys), includeNotKeys: false, strict: true))
        {
            keys.RemoveRange(start, keys.Count - start);
            return;
        }
        ResolveVariableFlags(info, request, keys, start);
    }

    private static bool Find<TSink>(CommandInfo info, RespRequest request, TSink sink, bool includeNotKeys, bool strict)
        where TSink : IKeySink => info.KeyFinder switch
    {
        KeyFinder.Sort => FindSortKeys(request, sink),
        KeyFinder.Migrate => FindMigrateKeys(request, sink, strict),
        _ => FindSpecKeys(info.KeySpecArray, request, sink, includeNotKeys, strict),
    };

    private static bool FindSpecKeys<TSink>(KeySpec[] specs, RespRequest request, TSink sink, bool includeNotKeys, bool strict)
        where TSink : IKeySink
    {
        var argc = request.ArgCount;
        foreach (var spec in specs)
        {
            if ((spec.Flags & KeySpecFlags.NotKey) != 0 && !includeNotKeys)
            {
                continue;
            }
            var first = FindFirst(spec.BeginSearch, request);
            if (first == 0)
            {
                // Keyword not present (an optional argument) or an unknown spec: nothing to add, nothing wrong.
                continue;
            }
            if (!TryFindLast(spec.FindKeys, request, ref first, out var last))
            {
                if (strict)
                {
                    return false;
                }
                continue;
            }
            if (last >= argc || first >= argc || last < first)
            {
                if (strict)
                {
                    return false;
                }
                last = Math.Min(last, argc - 1);
            }
            var step = Math.Max(spec.FindKeys.KeyStep, 1);
            for (var i = first; i <= last; i += step)
            {
                sink.Add(i, spec.Flags);
            }
        }
        return true;
    }

    /// <summary>The index of the first key, or 0 when the spec finds none.</summary>
    private static int FindFirst(BeginSearch begin, RespRequest request)
    {
        var argc = request.ArgCount;
        switch (begin.Type)
        {
            case BeginSearchType.Index:
                return begin.Index >= 1 && begin.Index < argc ? begin.Index : 0;
            case BeginSearchType.Keyword:
                var keyword = begin.Keyword!;
                if (begin.StartFrom > 0)
                {
                    // A keyword in the last argument has no key after it.
                    for (var i = begin.StartFrom; i < argc - 1; i++)
                    {
                        if (EqualsKeyword(request[i], keyword))
                        {
                            return i + 1;
                        }
                    }
                }
                else
                {
                    // Backwards from the end, never reaching argument 1 (redis stops there too).
                    for (var i = argc + begin.StartFrom; i > 1; i--)
                    {
                        if (i < argc && EqualsKeyword(request[i], keyword))
                        {
                            return i + 1;
                        }
                    }
                }
                return 0;
            default:
                return 0;
        }
    }

    /// <summary>Computes the last key index (may lie beyond the arguments); false when the spec cannot be evaluated.</summary>
    private static bool TryFindLast(FindKeys find, RespRequest request, ref int first, out int last)
    {
        var argc = request.ArgCount;
        switch (find.Type)
        {
            case FindKeysType.Range:
                if (find.LastKey >= 0)
                {
                    last = first + find.LastKey;
                }
                else if (find.Limit <= 0)
                {
                    last = argc + find.LastKey;
                }
                else
                {
                    last = first + ((argc - first) / find.Limit) + find.LastKey;
                }
                return true;
            case FindKeysType.KeyNum:
                var countIndex = first + find.KeyNumIndex;
                if (countIndex >= argc || !request.TryGetInt64(countIndex, out var count) || count < 0)
                {
                    last = 0;
                    return false;
                }
                first += find.FirstKey;
                // Clamp before adding: numkeys may be any 64-bit number, and anything past argc is out of range anyway.
                last = first + (int)Math.Min(count, argc) - 1;
                return true;
            default:
                last = 0;
                return false;
        }
    }

    private static bool EqualsKeyword(ReadOnlySpan<byte> arg, string upperKeyword)
    {
        if (arg.Length != upperKeyword.Length)
        {
            return false;
        }
        for (var i = 0; i < arg.Length; i++)
        {
            var c = arg[i];
            if (c is >= (byte)'a' and <= (byte)'z')
            {
                c -= 32;
            }
            if (c != upperKeyword[i])
            {
                return false;
            }
        }
        return true;
    }

    private interface IKeySink
    {
        void Add(int index, KeySpecFlags flags);
    }

    private readonly struct IndexSink(List<int> list) : IKeySink
    {
        public void Add(int index, KeySpecFlags flags) => list.Add(index);
    }

    private readonly struct ReferenceSink(List<KeyReference> list) : IKeySink
    {
        public void Add(int index, KeySpecFlags flags) => list.Add(new KeyReference(index, flags));
    }
}
