using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Spinel.Api.Validation;

/// <summary>
/// Checks the rules of a <c>redis_acl</c>: whitespace-separated permission tokens as redis's <c>ACL SETUSER</c> takes
/// them (<c>+cmd</c>, <c>-cmd|sub</c>, <c>+@category</c>, <c>~pattern</c>, <c>%R~pattern</c>, <c>&amp;channel</c>,
/// <c>allkeys</c> ...). Tokens about the user rather than its permissions (<c>on</c>, <c>&gt;password</c>,
/// <c>nopass</c>, <c>#hash</c>, <c>reset</c>, selectors) are refused: the cluster user supplies those.
/// </summary>
// A syntax check only, the single place to swap for the data path's ACL engine (Spinel.Resp.Acl.AclRules.TryParse)
// once it exists, so that what the REST API accepts is exactly what the proxy enforces.
internal static class AclSyntax
{
    public const int MaxLength = 4096;

    private static readonly FrozenSet<string> Keywords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "allkeys", "allcommands", "nocommands", "resetkeys", "allchannels", "resetchannels");

    private static readonly FrozenSet<string> UserKeywords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "on", "off", "nopass", "resetpass", "reset", "clearselectors", "skip-sanitize-payload", "sanitize-payload");

    private static readonly FrozenSet<string> Categories = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "all", "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap", "hyperloglog", "geo",
        "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous", "connection", "transaction", "scripting",
        "json", "search", "timeseries", "bloom", "cuckoo", "cms", "topk", "tdigest");

    /// <summary>Whether <paramref name="acl"/> is a valid list of permission rules; otherwise why not, naming the token.</summary>
    public static bool TryValidate(string acl, [NotNullWhen(false)] out string? error)
    {
        var tokens = acl.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            error = "the ACL has no rules";
            return false;
        }
        foreach (var token in tokens)
        {
            if (ProblemWith(token) is { } problem)
            {
                error = $"'{token}' {problem}";
                return false;
            }
        }
        error = null;
        return true;
    }

    private static string? ProblemWith(string token)
    {
        if (Keywords.Contains(token))
        {
            return null;
        }
        if (UserKeywords.Contains(token) || token[0] is '>' or '<' or '#' or '!' || token[0] == '(')
        {
            return "is a user rule (state, password or selector), not a permission; the cluster user supplies those";
        }
        return token[0] switch
        {
            '+' or '-' when token.Length > 1 && token[1] == '@' => Categories.Contains(token[2..]) ? null : "names no command category",
            '+' or '-' => IsCommand(token.AsSpan(1)) ? null : "is not a command or command|subcommand",
            '~' => token.Length > 1 ? null : "has no key pattern",
            '&' => token.Length > 1 ? null : "has no channel pattern",
            '%' => KeyPermissionProblem(token),
            _ => "is not an ACL rule",
        };
    }

    private static string? KeyPermissionProblem(string token)
    {
        var tilde = token.IndexOf('~', StringComparison.Ordinal);
        if (tilde < 2 || tilde == token.Length - 1)
        {
            return "is not %R~pattern, %W~pattern or %RW~pattern";
        }
        var flags = token.AsSpan(1, tilde - 1);
        return flags.Length <= 2 && !flags.ContainsAnyExcept('R', 'W') && !(flags.Length == 2 && flags[0] == flags[1])
            ? null
            : "is not %R~pattern, %W~pattern or %RW~pattern";
    }

    private static bool IsCommand(ReadOnlySpan<char> name)
    {
        var pipe = name.IndexOf('|');
        return pipe < 0 ? IsName(name) : IsName(name[..pipe]) && IsName(name[(pipe + 1)..]);

        static bool IsName(ReadOnlySpan<char> part)
        {
            if (part.IsEmpty)
            {
                return false;
            }
            foreach (var c in part)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
