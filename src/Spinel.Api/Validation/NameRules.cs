using System.Text.RegularExpressions;

namespace Spinel.Api.Validation;

/// <summary>The syntax of database names and cluster FQDNs.</summary>
internal static partial class NameRules
{
    public const int MaxDatabaseNameLength = 63;
    public const int MaxClusterNameLength = 64;

    /// <summary>Letters, digits and hyphens, starting and ending with a letter or digit, at most 63 characters.</summary>
    public static bool IsDatabaseName(string name) => name.Length <= MaxDatabaseNameLength && DatabaseName().IsMatch(name);

    /// <summary>A host name per RFC 1123 2.1: dot-separated labels of letters, digits and hyphens (not at either end), at most 64 characters.</summary>
    public static bool IsClusterName(string name) =>
        name.Length is > 0 and <= MaxClusterNameLength && name.Split('.').All(label => label.Length <= 63 && DatabaseName().IsMatch(label));

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseName();
}
