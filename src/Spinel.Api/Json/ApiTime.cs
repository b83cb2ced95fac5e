using System.Globalization;

namespace Spinel.Api.Json;

/// <summary>Times as Redis Enterprise writes them: ISO 8601 in UTC to the second, e.g. <c>2024-05-01T10:00:00Z</c>.</summary>
internal static class ApiTime
{
    /// <summary>Null for <c>default</c>, which the store holds for a time nobody set.</summary>
    public static string? Format(DateTimeOffset? time) =>
        time is { } t && t != default ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
}
