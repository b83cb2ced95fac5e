using System.Diagnostics.CodeAnalysis;
using Spinel.Resp.Commands;

namespace Spinel.Resp.Acl;

/// <summary>The redis 7.0 ACL categories and their commands, for <c>ACL CAT</c> and <c>ACL CAT category</c>. Thread-safe (read-only).</summary>
public static class AclCategoryList
{
    private static readonly Dictionary<string, string[]> CommandsByCategory = BuildCommands();

    /// <summary>Category names in the order <c>ACL CAT</c> lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(RedisNames.AclCategories, c => c.Name);

    /// <summary>
    /// The commands and subcommands (<c>config|get</c>) in a category, in table order; false for an unknown category
    /// (redis answers <c>ERR Unknown category 'x'</c>). The name is case-insensitive.
    /// </summary>
    public static bool TryGetCommands(string category, [NotNullWhen(true)] out IReadOnlyList<string>? commands)
    {
        if (CommandsByCategory.TryGetValue(category, out var names))
        {
            commands = names;
            return true;
        }
        commands = null;
        return false;
    }

    internal static bool TryGetCategory(string name, out AclCategories category)
    {
        foreach (var (flag, categoryName) in RedisNames.AclCategories)
        {
            if (string.Equals(categoryName, name, StringComparison.OrdinalIgnoreCase))
            {
                category = flag;
                return true;
            }
        }
        category = AclCategories.None;
        return false;
    }

    private static Dictionary<string, string[]> BuildCommands()
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (flag, name) in RedisNames.AclCategories)
        {
            result.Add(name, Array.ConvertAll(
                Array.FindAll(AclCommandIndex.ById, c => (c.AclCategories & flag) != 0),
                c => c.Name));
        }
        return result;
    }
}
