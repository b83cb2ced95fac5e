using System.Text;
using Spinel.Resp.Commands;

namespace Spinel.Resp.Acl;

/// <summary>
/// A key or channel glob from an ACL rule. Redis matches bytes, so the pattern is kept as its UTF-8 bytes widened one
/// byte per char, and subjects are widened the same way before <see cref="GlobPattern"/> runs (case-sensitive).
/// </summary>
internal sealed class AclPattern
{
    public AclPattern(string text, AclKeyPermissions permissions = AclKeyPermissions.ReadWrite)
    {
        Text = text;
        Bytes = Encoding.UTF8.GetBytes(text);
        Widened = Encoding.Latin1.GetString(Bytes);
        Permissions = permissions;
    }

    /// <summary>The pattern as written in the rule.</summary>
    public string Text { get; }

    public byte[] Bytes { get; }

    public string Widened { get; }

    public AclKeyPermissions Permissions { get; }

    public AclPattern WithMorePermissions(AclKeyPermissions more) =>
        new(Text, Permissions | more);

    /// <summary>The key pattern as redis writes it: <c>~p</c>, <c>%R~p</c> or <c>%W~p</c>.</summary>
    public string DescribeKey() => Permissions switch
    {
        AclKeyPermissions.Read => "%R~" + Text,
        AclKeyPermissions.Write => "%W~" + Text,
        _ => "~" + Text,
    };
}
