using System.Buffers;
using System.Text;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Acl;

public sealed partial class AclRules
{
    private const int StackChars = 256;

    private static readonly CommandInfo Publish = Command("publish");
    private static readonly CommandInfo SPublish = Command("spublish");
    private static readonly CommandInfo Subscribe = Command("subscribe");
    private static readonly CommandInfo SSubscribe = Command("ssubscribe");
    private static readonly CommandInfo PSubscribe = Command("psubscribe");

    [ThreadStatic]
    private static List<KeyReference>? t_keys;

    /// <summary>
    /// Null when redis 7.0.15 would let this user run the request; otherwise its NOPERM error text without the leading
    /// '-'. <paramref name="info"/> is the resolved command (<see cref="CommandTable.Resolve"/>). Requests redis refuses
    /// before its ACL check (wrong arity, unknown subcommand) answer null: the caller or the shard reports those errors.
    /// Checks, in redis's order, the command, then every key (read permission for key specs with <c>access</c>, write for
    /// <c>insert</c>/<c>update</c>/<c>delete</c>), then the channels of PUBLISH, SPUBLISH, SUBSCRIBE, SSUBSCRIBE and PSUBSCRIBE.
    /// </summary>
    public string? Check(CommandInfo info, RespRequest request)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(request);
        if (info.IsContainer || !CommandTable.CheckArity(info, request.ArgCount))
        {
            return null;
        }
        if (!CanRunCommand(info, request))
        {
            return AclMessages.DeniedCommand(info.Name);
        }
        if (!_allKeys && (info.HasKeys || info.KeyFinder != KeyFinder.Specs) && !CanAccessKeys(info, request))
        {
            return AclMessages.DeniedKey;
        }
        if (!_allChannels && !CanAccessChannels(info, request))
        {
            return AclMessages.DeniedChannel;
        }
        return null;
    }

    /// <summary>
    /// Whether the user may use <paramref name="channel"/>: a channel name matches the channel globs; a PSUBSCRIBE
    /// pattern (<paramref name="isPattern"/>) must equal one of them byte for byte, as in redis.
    /// </summary>
    public bool CanAccessChannel(ReadOnlySpan<byte> channel, bool isPattern)
    {
        if (_allChannels)
        {
            return true;
        }
        if (isPattern)
        {
            foreach (var pattern in _channels)
            {
                if (channel.SequenceEqual(pattern.Bytes))
                {
                    return true;
                }
            }
            return false;
        }
        char[]? rented = null;
        var chars = channel.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(channel.Length));
        var widened = chars[..Encoding.Latin1.GetChars(channel, chars)];
        var allowed = false;
        foreach (var pattern in _channels)
        {
            if (GlobPattern.IsMatch(pattern.Widened, widened, ignoreCase: false))
            {
                allowed = true;
                break;
            }
        }
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return allowed;
    }

    private bool CanRunCommand(CommandInfo info, RespRequest request)
    {
        if ((info.Flags & CommandFlags.NoAuth) != 0)
        {
            return true;
        }
        var id = AclCommandIndex.IdOf(info);
        if (id < 0)
        {
            // Not in the redis table (a hand-made CommandInfo): only +@all reaches commands redis did not list.
            return _futureCommands;
        }
        if (AclCommandBits.Get(_commands, id))
        {
            return true;
        }
        if (request.ArgCount < 2 || !_firstArgs.TryGetValue(id, out var allowed))
        {
            return false;
        }
        var argument = request[info.Container is null ? 1 : 2];
        foreach (var firstArg in allowed)
        {
            if (Ascii.EqualsIgnoreCase(argument, firstArg))
            {
                return true;
            }
        }
        return false;
    }

    private bool CanAccessKeys(CommandInfo info, RespRequest request)
    {
        var keys = t_keys ??= new List<KeyReference>(16);
        keys.Clear();
        // Redis's ACL uses the strict key-spec walk: a spec past the arguments voids the keys, and the command then fails on its own.
        KeyExtractor.GetKeysStrict(info, request, keys);
        var allowed = true;
        foreach (var key in keys)
        {
            if (!CanAccessKey(request[key.Index], Needed(key.Flags)))
            {
                allowed = false;
                break;
            }
        }
        keys.Clear();
        return allowed;
    }

    private bool CanAccessKey(ReadOnlySpan<byte> key, AclKeyPermissions needed)
    {
        char[]? rented = null;
        var chars = key.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(key.Length));
        var widened = chars[..Encoding.Latin1.GetChars(key, chars)];
        var allowed = false;
        foreach (var pattern in _keys)
        {
            if ((pattern.Permissions & needed) == needed && GlobPattern.IsMatch(pattern.Widened, widened, ignoreCase: false))
            {
                allowed = true;
                break;
            }
        }
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return allowed;
    }

    private bool CanAccessChannels(CommandInfo info, RespRequest request)
    {
        var argc = request.ArgCount;
        int end;
        var isPattern = false;
        if (info == Publish || info == SPublish)
        {
            end = Math.Min(2, argc);
        }
        else if (info == Subscribe || info == SSubscribe)
        {
            end = argc;
        }
        else if (info == PSubscribe)
        {
            end = argc;
            isPattern = true;
        }
        else
        {
            return true;
        }
        for (var i = 1; i < end; i++)
        {
            if (!CanAccessChannel(request[i], isPattern))
            {
                return false;
            }
        }
        return true;
    }

    // Only the logical flags count: RO/RW/OW/RM alone (EXISTS, TYPE ...) need a matching pattern of any permission.
    private static AclKeyPermissions Needed(KeySpecFlags flags)
    {
        var needed = AclKeyPermissions.None;
        if ((flags & KeySpecFlags.Access) != 0)
        {
            needed |= AclKeyPermissions.Read;
        }
        if ((flags & (KeySpecFlags.Insert | KeySpecFlags.Delete | KeySpecFlags.Update)) != 0)
        {
            needed |= AclKeyPermissions.Write;
        }
        return needed;
    }

    private static CommandInfo Command(string name) =>
        CommandTable.TryGet(name, out var info) ? info : throw new InvalidOperationException("missing command " + name);
}
