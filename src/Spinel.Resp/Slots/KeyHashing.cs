using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Spinel.Resp.Slots;

/// <summary>
/// The hash slot of a key in one database: Redis hash tags (<see cref="HashSlot"/>) under the default rules, or the
/// database's own <c>shard_key_regex</c> rules. Immutable and thread-safe; instances are shared per rule list.
/// </summary>
/// <remarks>
/// A custom rule decides when it matches the whole key (it is anchored at both ends; <c>.</c> matches every byte,
/// newline included); the first such rule's named group <c>tag</c> is hashed (CRC16 mod 16384). A key that no rule
/// matches is hashed whole. Keys are matched as Latin-1 text, one char per byte, so binary keys round-trip.
/// </remarks>
public sealed class KeyHashing
{
    /// <summary>Name of the group whose text a rule hashes.</summary>
    public const string TagGroup = "tag";

    /// <summary>Longest a rule may try one key before it counts as not matching.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const RegexOptions RuleOptions = RegexOptions.CultureInvariant | RegexOptions.Singleline;
    private const int MaxCachedRuleLists = 256;

    private static readonly ConcurrentDictionary<string, KeyHashing> Cache = new(StringComparer.Ordinal);

    private readonly Rule[]? _rules;

    private KeyHashing(IReadOnlyList<string> rules, Rule[]? compiled)
    {
        Rules = rules;
        _rules = compiled;
    }

    /// <summary>Redis Enterprise's default rules: the hash tag when there is one, else the whole key.</summary>
    public static IReadOnlyList<string> DefaultRules { get; } = [@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"];

    /// <summary>
    /// The default rules, computed exactly as Redis Cluster does (<see cref="HashSlot.Compute"/>): the first non-empty
    /// <c>{tag}</c>. That is what the default regexes mean for keys with one tag, and it keeps existing keys where they are.
    /// </summary>
    public static KeyHashing Default { get; } = new(DefaultRules, null);

    /// <summary>The rules, in the order they are tried.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>Whether keys hash by Redis hash tags, with no regex on the path.</summary>
    public bool IsDefault => _rules is null;

    /// <summary>
    /// The hashing for a database's rules: <see cref="Default"/> for none or the default list, else compiled rules
    /// (cached per list). Throws <see cref="ArgumentException"/> for a rule that <see cref="ProblemWith"/> refuses.
    /// </summary>
    public static KeyHashing FromRules(IReadOnlyList<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0 || rules.SequenceEqual(DefaultRules, StringComparer.Ordinal))
        {
            return Default;
        }
        var cacheKey = CacheKey(rules);
        if (Cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }
        var hashing = new KeyHashing([.. rules], [.. rules.Select(Compile)]);
        if (Cache.Count >= MaxCachedRuleLists)
        {
            // Rule lists change only with a database's configuration; a full cache means old ones are gone.
            Cache.Clear();
        }
        return Cache.GetOrAdd(cacheKey, hashing);
    }

    /// <summary>Why <paramref name="rule"/> cannot be a hashing rule (it does not compile, or has no group <c>tag</c>); null when it can.</summary>
    public static string? ProblemWith(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        try
        {
            // The rule alone and anchored: "a)(?<tag>b" compiles only once wrapped, "(?x)a #c" only alone.
            var alone = new Regex(rule, RuleOptions, MatchTimeout);
            _ = Anchored(rule, RegexOptions.None);
            return alone.GetGroupNames().Contains(TagGroup, StringComparer.Ordinal) ? null : $"has no named group '{TagGroup}'";
        }
        catch (ArgumentException ex)
        {
            return $"is not a valid regular expression ({ex.Message})";
        }
    }

    /// <summary>The slot (0-16383) of <paramref name="key"/>.</summary>
    public int SlotOf(ReadOnlySpan<byte> key) => _rules is null ? HashSlot.Compute(key) : SlotByRules(key);

    private int SlotByRules(ReadOnlySpan<byte> key)
    {
        var text = Encoding.Latin1.GetString(key);
        foreach (var rule in _rules!)
        {
            if (rule.TryMatchTag(text, out var start, out var length))
            {
                // Latin-1 maps char i to byte i, so the group's place in the text is its place in the key.
                return HashSlot.Crc16(key.Slice(start, length)) & (HashSlot.Count - 1);
            }
        }
        return HashSlot.Crc16(key) & (HashSlot.Count - 1);
    }

    private static Rule Compile(string rule) =>
        ProblemWith(rule) is { } problem ? throw new ArgumentException($"shard key rule '{rule}' {problem}", nameof(rule)) : new Rule(Anchored(rule, RegexOptions.Compiled));

    private static Regex Anchored(string rule, RegexOptions extra) => new($@"\A(?:{rule})\z", RuleOptions | extra, MatchTimeout);

    private static string CacheKey(IReadOnlyList<string> rules) =>
        string.Concat(rules.Select(r => $"{r.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{r}"));

    private sealed class Rule(Regex regex)
    {
        private readonly int _tag = regex.GroupNumberFromName(TagGroup);

        /// <summary>False when the rule does not match the whole key, its <c>tag</c> took no part, or it ran out of time.</summary>
        public bool TryMatchTag(string key, out int start, out int length)
        {
            (start, length) = (0, 0);
            try
            {
                var match = regex.Match(key);
                var tag = match.Groups[_tag];
                if (!match.Success || !tag.Success)
                {
                    return false;
                }
                (start, length) = (tag.Index, tag.Length);
                return true;
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
