namespace Spinel.Resp.Tests.Acl;

/// <summary>Compares command rule descriptions where redis's output is deterministic.</summary>
internal static class AclDescriptions
{
    /// <summary>
    /// The leading +@all/-@all and category rules must match in order; the single-command rules after them come from
    /// redis's hash table order, so they match as a set.
    /// </summary>
    public static bool SameCommandRules(string redis, string ours)
    {
        var (redisHead, redisTail) = Split(redis);
        var (ourHead, ourTail) = Split(ours);
        return redisHead.SequenceEqual(ourHead) && redisTail.Order(StringComparer.Ordinal).SequenceEqual(ourTail.Order(StringComparer.Ordinal));
    }

    private static (string[] Head, string[] Tail) Split(string rules)
    {
        var tokens = rules.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = tokens.TakeWhile(t => t.Length > 1 && t[1] == '@').ToArray();
        return (head, tokens[head.Length..]);
    }
}
