using System.Globalization;
using Spinel.ControlPlane.Resharding;
using Spinel.ControlPlane.Store;
using Spinel.Resp.Slots;

namespace Spinel.ControlPlane.Operations;

/// <summary>
/// What <c>sharding</c> and <c>shard_key_regex</c> may be and become. A database's rules decide on which shard each
/// key lives, so once it has more than one shard they are fixed: a change would leave keys on shards that no longer
/// own them. On one shard every key is on the only shard, so rules and sharding may change freely there.
/// </summary>
internal static class ShardingChanges
{
    /// <summary>Why the database's rules cannot hash keys (a rule that does not compile or has no group <c>tag</c>); null when they can.</summary>
    public static OperationError? InvalidRules(BdbRecord bdb)
    {
        for (var i = 0; i < bdb.ShardKeyRegex.Count; i++)
        {
            if (KeyHashing.ProblemWith(bdb.ShardKeyRegex[i]) is { } problem)
            {
                return Invalid($"shard_key_regex[{i.ToString(CultureInfo.InvariantCulture)}].regex '{bdb.ShardKeyRegex[i]}' {problem}");
            }
        }
        return null;
    }

    /// <summary>Why <paramref name="current"/> cannot become <paramref name="desired"/> as far as hashing goes; null when it can.</summary>
    public static OperationError? Check(BdbRecord current, BdbRecord desired)
    {
        // Only a change is judged: a database created with several shards before sharding was required keeps working.
        if (desired.ShardsCount > 1 && !desired.Sharding && current.Sharding)
        {
            return Invalid($"sharding cannot be turned off on a database with {Shards(desired.ShardsCount)}");
        }
        if (desired.ShardsCount > current.ShardsCount && !desired.Sharding)
        {
            return Invalid($"sharding must be enabled for {Shards(desired.ShardsCount)}: set sharding true in the same update");
        }
        if (current.ShardsCount > 1 && !EffectiveRules(current).SequenceEqual(EffectiveRules(desired), StringComparer.Ordinal))
        {
            return Invalid($"shard_key_regex cannot change on a database with {Shards(current.ShardsCount)}: keys would move to other shards " +
                "(change the rules while it has one shard)");
        }
        return null;
    }

    /// <summary>The rules in force: the default list stands for none.</summary>
    private static IReadOnlyList<string> EffectiveRules(BdbRecord bdb) =>
        BdbKeyHashing.RulesOf(bdb) is { Count: > 0 } rules ? rules : KeyHashing.DefaultRules;

    private static string Shards(int count) => $"{count.ToString(CultureInfo.InvariantCulture)} shards";

    private static OperationError Invalid(string description) => new(OperationErrorKind.InvalidConfiguration, "invalid_sharding", description);
}
