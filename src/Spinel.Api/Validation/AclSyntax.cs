using System.Diagnostics.CodeAnalysis;
using Spinel.Resp.Acl;

namespace Spinel.Api.Validation;

/// <summary>
/// Checks the rules of a <c>redis_acl</c> with the data path's own ACL engine (<see cref="AclRules"/>), so the REST API
/// accepts exactly what the proxies enforce: permission tokens as redis's <c>ACL SETUSER</c> takes them (<c>+cmd</c>,
/// <c>-cmd|sub</c>, <c>+@category</c>, <c>~pattern</c>, <c>%R~pattern</c>, <c>resetchannels &amp;channel</c>,
/// <c>allkeys</c> ...). Tokens about the user rather than its permissions (<c>on</c>, <c>&gt;password</c>,
/// <c>nopass</c>, <c>#hash</c>, <c>reset</c>, selectors) are refused: the cluster user supplies those.
/// </summary>
internal static class AclSyntax
{
    public const int MaxLength = 4096;

    /// <summary>Whether <paramref name="acl"/> is a valid list of permission rules; otherwise why not, naming the token.</summary>
    public static bool TryValidate(string acl, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrWhiteSpace(acl))
        {
            error = "the ACL has no rules";
            return false;
        }
        return AclRules.TryParse(acl, out _, out error);
    }
}
