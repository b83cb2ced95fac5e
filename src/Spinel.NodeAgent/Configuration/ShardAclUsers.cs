using System.Text;
using Spinel.Model;
using Spinel.Resp.Acl;

namespace Spinel.NodeAgent.Configuration;

/// <summary>
/// A database's ACL users in the form a shard carries them: one line per user, <c>name reset on #digest… allchannels rules…</c>
/// (the arguments of <c>ACL SETUSER</c> and of a redis.conf <c>user</c> directive), ordered by name, single spaces.
/// </summary>
internal static class ShardAclUsers
{
    /// <summary>The one user a shard never gets from the topology: the proxy's shard connections sign in as it.</summary>
    public const string DefaultUser = "default";

    /// <summary>
    /// Returns the users' lines joined by <c>\n</c>; users whose name or rules would make redis refuse the line are left
    /// out and described in <paramref name="rejected"/> (<c>name: reason</c>, joined by <c>; </c>), empty when none is.
    /// </summary>
    public static string Normalize(IReadOnlyList<DatabaseAclUser> users, out string rejected)
    {
        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var user in users)
        {
            if (Validate(user) is { } error)
            {
                errors.Add(user.Name + ": " + error);
                continue;
            }
            var line = new StringBuilder(user.Name).Append(" reset on");
            foreach (var digest in user.PasswordDigests)
            {
                line.Append(" #").Append(digest);
            }
            line.Append(" allchannels");
            foreach (var rule in Split(user.Rules))
            {
                line.Append(' ').Append(rule);
            }
            lines[user.Name] = line.ToString();
        }
        rejected = string.Join("; ", errors);
        return string.Join('\n', lines.Values);
    }

    /// <summary>Splits normalized <paramref name="users"/> into name → arguments (the name first).</summary>
    public static Dictionary<string, string[]> Parse(string users)
    {
        var byName = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in users.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = line.Split(' ');
            byName[words[0]] = words;
        }
        return byName;
    }

    private static string[] Split(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    // Redis refuses a whole redis.conf over one bad user line, so anything it might refuse stays out of it.
    private static string? Validate(DatabaseAclUser user)
    {
        if (user.Name.Length == 0 || user.Name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "the name is empty or holds whitespace";
        }
        if (user.Name == DefaultUser)
        {
            return "the default user is reserved for the proxy";
        }
        foreach (var digest in user.PasswordDigests)
        {
            if (digest.Length != 64 || !digest.All(char.IsAsciiHexDigitLower))
            {
                return "a password digest is not 64 lower-case hex digits";
            }
        }
        return AclRules.TryParse(user.Rules, out _, out var error) ? null : error;
    }
}
