using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Spinel.Api.Json;

/// <summary>
/// The Redis Enterprise names of the store's enums (their <see cref="JsonStringEnumMemberNameAttribute"/>), both ways.
/// Parsing is exact and ordinal: <c>VolatileLru</c>, <c>3</c> or <c>VOLATILE-LRU</c> are not names.
/// </summary>
internal static class StoreEnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().ToDictionary(v => v, NameOf);
    private static readonly Dictionary<string, TEnum> ByName = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every name, in declaration order, for error messages.</summary>
    public static string AllNames { get; } = string.Join(", ", ByValue.Values);

    public static string Name(TEnum value) => ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    public static bool TryParse(string text, [NotNullWhen(true)] out TEnum value) => ByName.TryGetValue(text, out value);

    private static string NameOf(TEnum value) =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();
}
