using Spinel.Resp.Commands;

namespace Spinel.Resp.Acl;

/// <summary>
/// Applies ACL rules one at a time to a mutable selector, as redis 7.0's <c>ACLSetSelector</c> does (acl.c), then
/// freezes the result into an <see cref="AclRules"/>. Not thread-safe; one per parse.
/// </summary>
internal sealed class AclRulesBuilder
{
    private readonly ulong[] _commands = AclCommandBits.Create(allowAll: false);
    private readonly Dictionary<int, List<string>> _firstArgs = [];
    private readonly List<AclPattern> _keys = [];
    private readonly List<AclPattern> _channels = [];
    private readonly Action<int> _resetFirstArgs;
    private bool _futureCommands;
    private bool _allKeys;

    // Redis Enterprise creates users with acl_pubsub_default allchannels.
    private bool _allChannels = true;

    public AclRulesBuilder() => _resetFirstArgs = id => _firstArgs.Remove(id);

    public AclRules Build() => new(
        _commands,
        _firstArgs.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        _futureCommands,
        _allKeys,
        [.. _keys],
        _allChannels,
        [.. _channels]);

    /// <summary>Applies one rule; returns null, or redis's reason for refusing it.</summary>
    public string? Apply(string op)
    {
        if (op.Length == 0)
        {
            return null;
        }
        if (IsUserLevel(op))
        {
            return AclMessages.NotAPermission;
        }
        if (Is(op, "allkeys") || op == "~*")
        {
            _allKeys = true;
            _keys.Clear();
        }
        else if (Is(op, "resetkeys"))
        {
            _allKeys = false;
            _keys.Clear();
        }
        else if (Is(op, "allchannels") || op == "&*")
        {
            _allChannels = true;
            _channels.Clear();
        }
        else if (Is(op, "resetchannels"))
        {
            _allChannels = false;
            _channels.Clear();
        }
        else if (Is(op, "allcommands") || Is(op, "+@all"))
        {
            AclCommandBits.FillAll(_commands);
            _futureCommands = true;
            _firstArgs.Clear();
        }
        else if (Is(op, "nocommands") || Is(op, "-@all"))
        {
            Array.Fill(_commands, 0UL);
            _futureCommands = false;
            _firstArgs.Clear();
        }
        else if (op[0] is '~' or '%')
        {
            return AddKeyPattern(op);
        }
        else if (op[0] == '&')
        {
            return AddChannelPattern(op);
        }
        else if (op[0] is '+' or '-' && (op.Length < 2 || op[1] != '@'))
        {
            return op[0] == '+' ? Allow(op[1..]) : Deny(op[1..]);
        }
        else if (op[0] is '+' or '-')
        {
            if (!AclCategoryList.TryGetCategory(op[2..], out var category))
            {
                return AclMessages.UnknownCommand;
            }
            AclCommandBits.ChangeCategory(_commands, category, op[0] == '+', _resetFirstArgs);
        }
        else
        {
            return AclMessages.SyntaxError;
        }
        return null;
    }

    private string? AddKeyPattern(string op)
    {
        if (_allKeys)
        {
            return AclMessages.KeyAfterAllKeys;
        }
        var permissions = AclKeyPermissions.ReadWrite;
        var offset = 1;
        if (op[0] == '%')
        {
            permissions = AclKeyPermissions.None;
            for (; offset < op.Length; offset++)
            {
                var c = char.ToUpperInvariant(op[offset]);
                if (c == 'R' && (permissions & AclKeyPermissions.Read) == 0)
                {
                    permissions |= AclKeyPermissions.Read;
                }
                else if (c == 'W' && (permissions & AclKeyPermissions.Write) == 0)
                {
                    permissions |= AclKeyPermissions.Write;
                }
                else if (op[offset] == '~')
                {
                    offset++;
                    break;
                }
                else
                {
                    return AclMessages.SyntaxError;
                }
            }
        }
        var text = op[offset..];
        if (HasSpaces(text))
        {
            return AclMessages.SyntaxError;
        }
        if (permissions == AclKeyPermissions.None)
        {
            return AclMessages.NoKeyPermission;
        }
        var existing = _keys.FindIndex(p => p.Text == text);
        if (existing < 0)
        {
            _keys.Add(new AclPattern(text, permissions));
        }
        else
        {
            _keys[existing] = _keys[existing].WithMorePermissions(permissions);
        }
        return null;
    }

    private string? AddChannelPattern(string op)
    {
        if (_allChannels)
        {
            return AclMessages.ChannelAfterAllChannels;
        }
        var text = op[1..];
        if (HasSpaces(text))
        {
            return AclMessages.SyntaxError;
        }
        if (!_channels.Exists(p => p.Text == text))
        {
            _channels.Add(new AclPattern(text));
        }
        return null;
    }

    private string? Allow(string name)
    {
        var bar = name.LastIndexOf('|');
        if (bar < 0)
        {
            var command = AclCommandIndex.Lookup(name);
            if (command is null)
            {
                return AclMessages.UnknownCommand;
            }
            AclCommandBits.ChangePermission(_commands, command, true, _resetFirstArgs);
            return null;
        }
        var target = AclCommandIndex.Lookup(name[..bar]);
        var firstArg = name[(bar + 1)..];
        if (target is null)
        {
            return AclMessages.UnknownCommand;
        }
        if (target.Container is not null)
        {
            return AclMessages.FirstArgOfSubcommand;
        }
        if (firstArg.Length == 0)
        {
            return AclMessages.SyntaxError;
        }
        if (target.IsContainer)
        {
            var sub = AclCommandIndex.Lookup(name);
            if (sub is null)
            {
                return AclMessages.UnknownCommand;
            }
            AclCommandBits.ChangePermission(_commands, sub, true, _resetFirstArgs);
            return null;
        }
        // "+select|0": redis's deprecated first-arg grant for a command that is otherwise denied.
        var id = AclCommandIndex.IdOf(target);
        if (!_firstArgs.TryGetValue(id, out var args))
        {
            _firstArgs[id] = args = [];
        }
        if (!args.Exists(a => string.Equals(a, firstArg, StringComparison.OrdinalIgnoreCase)))
        {
            args.Add(firstArg);
        }
        return null;
    }

    private string? Deny(string name)
    {
        var command = AclCommandIndex.Lookup(name);
        if (command is null)
        {
            return AclMessages.UnknownCommand;
        }
        AclCommandBits.ChangePermission(_commands, command, false, _resetFirstArgs);
        return null;
    }

    private static bool IsUserLevel(string op) =>
        op[0] is '>' or '<' or '#' or '!' or '('
        || Is(op, "on") || Is(op, "off") || Is(op, "nopass") || Is(op, "resetpass") || Is(op, "reset")
        || Is(op, "clearselectors") || Is(op, "sanitize-payload") || Is(op, "skip-sanitize-payload");

    private static bool Is(string op, string word) => string.Equals(op, word, StringComparison.OrdinalIgnoreCase);

    private static bool HasSpaces(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\0')
            {
                return true;
            }
        }
        return false;
    }
}
