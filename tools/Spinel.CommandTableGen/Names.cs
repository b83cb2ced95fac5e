namespace Spinel.CommandTableGen;

/// <summary>Maps the names redis uses in <c>COMMAND</c> to the enum members of Spinel.Resp.Commands.</summary>
internal static class Names
{
    private static readonly Dictionary<string, string> CommandFlags = new(StringComparer.Ordinal)
    {
        ["write"] = "Write",
        ["readonly"] = "ReadOnly",
        ["denyoom"] = "DenyOom",
        ["module"] = "Module",
        ["admin"] = "Admin",
        ["pubsub"] = "PubSub",
        ["noscript"] = "NoScript",
        ["blocking"] = "Blocking",
        ["loading"] = "Loading",
        ["stale"] = "Stale",
        ["skip_monitor"] = "SkipMonitor",
        ["skip_slowlog"] = "SkipSlowlog",
        ["asking"] = "Asking",
        ["fast"] = "Fast",
        ["no_auth"] = "NoAuth",
        ["may_replicate"] = "MayReplicate",
        ["sentinel"] = "Sentinel",
        ["only_sentinel"] = "OnlySentinel",
        ["no_mandatory_keys"] = "NoMandatoryKeys",
        ["protected"] = "Protected",
        ["no_async_loading"] = "NoAsyncLoading",
        ["no_multi"] = "NoMulti",
        ["movablekeys"] = "MovableKeys",
        ["allow_busy"] = "AllowBusy",
    };

    private static readonly Dictionary<string, string> AclCategories = new(StringComparer.Ordinal)
    {
        ["@keyspace"] = "Keyspace",
        ["@read"] = "Read",
        ["@write"] = "Write",
        ["@set"] = "Set",
        ["@sortedset"] = "SortedSet",
        ["@list"] = "List",
        ["@hash"] = "Hash",
        ["@string"] = "String",
        ["@bitmap"] = "Bitmap",
        ["@hyperloglog"] = "HyperLogLog",
        ["@geo"] = "Geo",
        ["@stream"] = "Stream",
        ["@pubsub"] = "PubSub",
        ["@admin"] = "Admin",
        ["@fast"] = "Fast",
        ["@slow"] = "Slow",
        ["@blocking"] = "Blocking",
        ["@dangerous"] = "Dangerous",
        ["@connection"] = "Connection",
        ["@transaction"] = "Transaction",
        ["@scripting"] = "Scripting",
    };

    private static readonly Dictionary<string, string> KeySpecFlags = new(StringComparer.Ordinal)
    {
        ["RO"] = "ReadOnly",
        ["RW"] = "ReadWrite",
        ["OW"] = "Overwrite",
        ["RM"] = "Remove",
        ["access"] = "Access",
        ["update"] = "Update",
        ["insert"] = "Insert",
        ["delete"] = "Delete",
        ["not_key"] = "NotKey",
        ["incomplete"] = "Incomplete",
        ["variable_flags"] = "VariableFlags",
    };

    public static string CommandFlagsExpression(IReadOnlyList<string> flags) => Combine("CommandFlags", CommandFlags, flags);

    public static string AclCategoriesExpression(IReadOnlyList<string> categories) => Combine("AclCategories", AclCategories, categories);

    public static string KeySpecFlagsExpression(IReadOnlyList<string> flags) => Combine("KeySpecFlags", KeySpecFlags, flags);

    // Unknown names stop the generator: silently dropping a flag would change routing or ACL behaviour.
    private static string Combine(string enumName, Dictionary<string, string> map, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return enumName + ".None";
        }
        return string.Join(" | ", names.Select(n => map.TryGetValue(n, out var member)
            ? enumName + "." + member
            : throw new InvalidDataException("no " + enumName + " member for redis name '" + n + "'; add it to the enum and to Names.cs")));
    }
}
