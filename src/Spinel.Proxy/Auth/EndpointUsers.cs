using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Spinel.Model;
using Spinel.Resp.Acl;

namespace Spinel.Proxy.Auth;

/// <summary>
/// The ACL users of one database version, compiled once per topology change and shared by every session; immutable.
/// Rules that do not compile (the control plane validates them, so only a newer or corrupt store could send them)
/// give the user no permission at all rather than more than intended.
/// </summary>
internal sealed class EndpointUsers
{
    public static readonly EndpointUsers None = new([], FrozenDictionary<string, EndpointUser>.Empty);

    /// <summary>What a user whose rules do not compile gets: no command, key or channel.</summary>
    private static readonly AclRules NoPermissions = AclRules.Parse("resetchannels");

    private readonly FrozenDictionary<string, EndpointUser> _byName;

    private EndpointUsers(IReadOnlyList<DatabaseAclUser> source, FrozenDictionary<string, EndpointUser> byName)
    {
        Source = source;
        _byName = byName;
    }

    /// <summary>The configuration these users were compiled from.</summary>
    public IReadOnlyList<DatabaseAclUser> Source { get; }

    /// <summary>User names in ordinal order (as redis lists them).</summary>
    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public int Count => _byName.Count;

    public bool TryGet(ReadOnlySpan<byte> name, [NotNullWhen(true)] out EndpointUser? user) =>
        TryGet(System.Text.Encoding.UTF8.GetString(name), out user);

    public bool TryGet(string name, [NotNullWhen(true)] out EndpointUser? user) => _byName.TryGetValue(name, out user);

    /// <summary>
    /// Compiles <paramref name="users"/>, reusing <paramref name="previous"/> when nothing changed; <paramref name="onInvalid"/>
    /// hears of each user whose rules do not compile.
    /// </summary>
    public static EndpointUsers Build(IReadOnlyList<DatabaseAclUser> users, EndpointUsers? previous, Action<string, string>? onInvalid = null)
    {
        if (users.Count == 0)
        {
            return None;
        }
        if (previous is not null && previous.Source.SequenceEqual(users))
        {
            return previous;
        }
        var byName = new Dictionary<string, EndpointUser>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            if (!AclRules.TryParse(user.Rules, out var rules, out var error))
            {
                onInvalid?.Invoke(user.Name, error);
                rules = NoPermissions;
            }
            byName.TryAdd(user.Name, new EndpointUser(user.Name, [.. user.PasswordDigests.Select(ParseDigest).OfType<byte[]>()], rules, user.Rules));
        }
        return new EndpointUsers(users, byName.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static byte[]? ParseDigest(string hex)
    {
        try
        {
            var bytes = Convert.FromHexString(hex);
            return bytes.Length == SHA256.HashSizeInBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
