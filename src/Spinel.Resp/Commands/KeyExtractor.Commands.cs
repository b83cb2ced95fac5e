using Spinel.Resp.Framing;

namespace Spinel.Resp.Commands;

public static partial class KeyExtractor
{
    // SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination]:
    // patterns are not keys of this request, and STORE may sit anywhere after the key; the last STORE wins, as in SORT.
    private static bool FindSortKeys<TSink>(RespRequest request, TSink sink)
        where TSink : IKeySink
    {
        var argc = request.ArgCount;
        if (argc < 2)
        {
            return true;
        }
        sink.Add(1, KeySpecFlags.ReadOnly | KeySpecFlags.Access);
        var store = 0;
        for (var i = 2; i < argc; i++)
        {
            if (request.ArgEquals(i, "LIMIT"u8))
            {
                i += 2;
            }
            else if (request.ArgEquals(i, "BY"u8) || request.ArgEquals(i, "GET"u8))
            {
                i++;
            }
            else if (request.ArgEquals(i, "STORE"u8) && i + 1 < argc)
            {
                store = ++i;
            }
        }
        if (store > 0)
        {
            sink.Add(store, KeySpecFlags.Overwrite | KeySpecFlags.Update);
        }
        return true;
    }

    // MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password | AUTH2 username password] [KEYS key ...]:
    // the key at 3, or with an empty key the keys after KEYS (a password may itself read "KEYS", hence the skipping).
    private static bool FindMigrateKeys<TSink>(RespRequest request, TSink sink, bool strict)
        where TSink : IKeySink
    {
        const KeySpecFlags flags = KeySpecFlags.ReadWrite | KeySpecFlags.Access | KeySpecFlags.Delete;
        var argc = request.ArgCount;
        if (argc < 4)
        {
            return true;
        }
        for (var i = 6; i < argc; i++)
        {
            if (request.ArgEquals(i, "KEYS"u8))
            {
                if (!request[3].IsEmpty)
                {
                    // MIGRATE rejects KEYS with a key at 3; redis's GETKEYS then reports no keys.
                    if (strict)
                    {
                        return false;
                    }
                    break;
                }
                for (var k = i + 1; k < argc; k++)
                {
                    sink.Add(k, flags);
                }
                return true;
            }
            if (request.ArgEquals(i, "AUTH"u8))
            {
                i++;
            }
            else if (request.ArgEquals(i, "AUTH2"u8))
            {
                i += 2;
            }
        }
        // Without KEYS the argument at 3 is the key, even when empty (redis treats "" as a key name here).
        sink.Add(3, flags);
        return true;
    }

    // SET and BITFIELD declare RW+access+update with variable_flags; the arguments say what really happens.
    private static void ResolveVariableFlags(CommandInfo info, RespRequest request, List<KeyReference> keys, int start)
    {
        if (keys.Count == start || (info.KeySpecArray[0].Flags & KeySpecFlags.VariableFlags) == 0)
        {
            return;
        }
        KeySpecFlags flags;
        switch (info.Name)
        {
            case "set":
                flags = HasSetGet(request)
                    ? KeySpecFlags.ReadWrite | KeySpecFlags.Access | KeySpecFlags.Update
                    : KeySpecFlags.Overwrite | KeySpecFlags.Update;
                break;
            case "bitfield":
                flags = IsReadOnlyBitfield(request)
                    ? KeySpecFlags.ReadOnly | KeySpecFlags.Access
                    : KeySpecFlags.ReadWrite | KeySpecFlags.Access | KeySpecFlags.Update;
                break;
            default:
                return;
        }
        for (var i = start; i < keys.Count; i++)
        {
            keys[i] = keys[i] with { Flags = flags };
        }
    }

    private static bool HasSetGet(RespRequest request)
    {
        for (var i = 3; i < request.ArgCount; i++)
        {
            if (request.ArgEquals(i, "GET"u8))
            {
                return true;
            }
        }
        return false;
    }

    // Read-only only when every operation is a complete GET or OVERFLOW; anything else (including a syntax error) may write.
    private static bool IsReadOnlyBitfield(RespRequest request)
    {
        var argc = request.ArgCount;
        for (var i = 2; i < argc; i++)
        {
            var remaining = argc - i - 1;
            if (request.ArgEquals(i, "GET"u8) && remaining >= 2)
            {
                i += 2;
            }
            else if (request.ArgEquals(i, "OVERFLOW"u8) && remaining >= 1)
            {
                i++;
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
