using Spinel.ControlPlane.Store;
using Spinel.Resp.Slots;

namespace Spinel.ControlPlane.Resharding;

/// <summary>Which hashing rules decide the slots of a database's keys, for the proxies and the reshard trimmer alike.</summary>
internal static class BdbKeyHashing
{
    /// <summary>The database's <c>shard_key_regex</c> while <c>sharding</c> is on; else none, which means the default rules.</summary>
    public static IReadOnlyList<string> RulesOf(BdbRecord bdb) => bdb.Sharding ? bdb.ShardKeyRegex : [];

    public static KeyHashing Of(BdbRecord bdb) => KeyHashing.FromRules(RulesOf(bdb));
}
