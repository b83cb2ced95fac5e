using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Spinel.ControlPlane.Store.Json;

namespace Spinel.ControlPlane.Store;

/// <summary>
/// An immutable map sorted by key (ordinal for strings) with value equality, so states compare by content and
/// serialise in the same order on every node. <c>default</c> is the empty map.
/// </summary>
[JsonConverter(typeof(ValueDictionaryJsonConverterFactory))]
public readonly struct ValueDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueDictionary<TKey, TValue>>
    where TKey : notnull
{
    private static readonly ImmutableSortedDictionary<TKey, TValue> s_empty = ImmutableSortedDictionary.Create<TKey, TValue>(
        typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.Ordinal : Comparer<TKey>.Default);

    private readonly ImmutableSortedDictionary<TKey, TValue>? _items;

    private ValueDictionary(ImmutableSortedDictionary<TKey, TValue> items) => _items = items;

    internal static ValueDictionary<TKey, TValue> Create(IEnumerable<KeyValuePair<TKey, TValue>> items) => new(s_empty.AddRange(items));

    private ImmutableSortedDictionary<TKey, TValue> Items => _items ?? s_empty;

    public int Count => Items.Count;

    public TValue this[TKey key] => Items[key];

    public IEnumerable<TKey> Keys => Items.Keys;

    public IEnumerable<TValue> Values => Items.Values;

    public bool ContainsKey(TKey key) => Items.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Items.TryGetValue(key, out value);

    public TValue? GetValueOrDefault(TKey key) => Items.TryGetValue(key, out var value) ? value : default;

    public ValueDictionary<TKey, TValue> SetItem(TKey key, TValue value) => new(Items.SetItem(key, value));

    public ValueDictionary<TKey, TValue> SetItems(IEnumerable<KeyValuePair<TKey, TValue>> items) => new(Items.SetItems(items));

    public ValueDictionary<TKey, TValue> Remove(TKey key) => new(Items.Remove(key));

    public ValueDictionary<TKey, TValue> RemoveRange(IEnumerable<TKey> keys) => new(Items.RemoveRange(keys));

    public ImmutableSortedDictionary<TKey, TValue>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    public bool Equals(ValueDictionary<TKey, TValue> other)
    {
        var mine = Items;
        var theirs = other.Items;
        if (ReferenceEquals(mine, theirs))
        {
            return true;
        }
        if (mine.Count != theirs.Count)
        {
            return false;
        }
        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in mine)
        {
            if (!theirs.TryGetValue(key, out var otherValue) || !comparer.Equals(value, otherValue))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is ValueDictionary<TKey, TValue> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Items)
        {
            hash.Add(key);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => $"{{{string.Join(", ", Items.Select(p => $"{p.Key}: {p.Value}"))}}}";

    public static bool operator ==(ValueDictionary<TKey, TValue> left, ValueDictionary<TKey, TValue> right) => left.Equals(right);

    public static bool operator !=(ValueDictionary<TKey, TValue> left, ValueDictionary<TKey, TValue> right) => !left.Equals(right);
}

/// <summary>Factory methods of <see cref="ValueDictionary{TKey,TValue}"/>.</summary>
public static class ValueDictionary
{
    /// <summary>Creates a map of the given entries; throws <see cref="ArgumentException"/> on a duplicate key.</summary>
    public static ValueDictionary<TKey, TValue> Create<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> items) where TKey : notnull =>
        ValueDictionary<TKey, TValue>.Create(items);

    public static ValueDictionary<TKey, TValue> ToValueDictionary<TKey, TValue>(this IEnumerable<KeyValuePair<TKey, TValue>> items) where TKey : notnull =>
        ValueDictionary<TKey, TValue>.Create(items);
}
