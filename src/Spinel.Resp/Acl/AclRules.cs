using System.Diagnostics.CodeAnalysis;

namespace Spinel.Resp.Acl;

/// <summary>
/// One user's compiled redis 7.0 ACL permissions (commands, key patterns, channel patterns), parsed from a Redis
/// Enterprise <c>redis_acl</c> rule string. Immutable and thread-safe; <see cref="Check"/> does not allocate when it allows.
/// </summary>
public sealed partial class AclRules
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n'];

    private readonly ulong[] _commands;
    private readonly Dictionary<int, string[]> _firstArgs;
    private readonly bool _futureCommands;
    private readonly bool _allKeys;
    private readonly AclPattern[] _keys;
    private readonly bool _allChannels;
    private readonly AclPattern[] _channels;

    internal AclRules(
        ulong[] commands,
        Dictionary<int, string[]> firstArgs,
        bool futureCommands,
        bool allKeys,
        AclPattern[] keys,
        bool allChannels,
        AclPattern[] channels)
    {
        _commands = commands;
        _firstArgs = firstArgs;
        _futureCommands = futureCommands;
        _allKeys = allKeys;
        _keys = keys;
        _allChannels = allChannels;
        _channels = channels;
        KeyPatterns = allKeys ? ["~*"] : Array.ConvertAll(keys, k => k.DescribeKey());
        ChannelPatterns = allChannels ? ["&*"] : Array.ConvertAll(channels, c => "&" + c.Text);
    }

    /// <summary><c>+@all ~* &amp;*</c>: every command, key and channel.</summary>
    public static AclRules FullAccess { get; } = Parse("+@all ~* &*");

    /// <summary>
    /// Key patterns as <c>ACL GETUSER</c> lists them (<c>~app:*</c>, <c>%R~ro:*</c>, <c>%W~wo:*</c>); just <c>~*</c>
    /// with <c>allkeys</c>, empty when no key is allowed.
    /// </summary>
    public IReadOnlyList<string> KeyPatterns { get; }

    /// <summary>Channel patterns as <c>ACL GETUSER</c> lists them (<c>&amp;chan:*</c>); just <c>&amp;*</c> with <c>allchannels</c>.</summary>
    public IReadOnlyList<string> ChannelPatterns { get; }

    /// <summary>True with <c>allkeys</c> / <c>~*</c> (not for <c>%RW~*</c>, which redis keeps as a pattern).</summary>
    public bool AllKeys => _allKeys;

    /// <summary>True with <c>allchannels</c> / <c>&amp;*</c>; the starting state of every rule string.</summary>
    public bool AllChannels => _allChannels;

    /// <summary>
    /// Parses a rule string such as <c>+@read +set -@dangerous ~app:* %R~ro:* resetchannels &amp;chan:*</c>: whitespace
    /// separated rules applied in order to a user with no commands, no keys and all channels (Redis Enterprise's
    /// <c>acl_pubsub_default allchannels</c>), exactly as <c>ACL SETUSER</c> applies them. User flags, passwords and
    /// selectors are refused. The error reads like redis's: <c>Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL</c>.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out AclRules? rules, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new AclRulesBuilder();
        foreach (var op in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var reason = builder.Apply(op);
            if (reason is not null)
            {
                rules = null;
                error = AclMessages.Modifier(op, reason);
                return false;
            }
        }
        rules = builder.Build();
        error = null;
        return true;
    }

    /// <summary>Parses a rule string that is known to be valid; throws <see cref="FormatException"/> otherwise.</summary>
    public static AclRules Parse(string text) =>
        TryParse(text, out var rules, out var error) ? rules : throw new FormatException(error);
}
