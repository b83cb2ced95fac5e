using System.Text.Json.Nodes;

namespace Spinel.Api.Http;

/// <summary>Applies <c>?fields=a,b</c>: keeps only the named properties of each projected object; unknown names are ignored.</summary>
internal static class FieldsProjection
{
    /// <summary>The requested field names; null when the query has no <c>fields</c> (or only empty ones).</summary>
    public static HashSet<string>? Parse(IEnumerable<string?> values)
    {
        var fields = values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return fields.Count == 0 ? null : fields;
    }

    public static void Apply(JsonNode? node, Projection projection, IReadOnlySet<string> fields)
    {
        switch (projection, node)
        {
            case (Projection.Object, JsonObject obj):
                Keep(obj, fields);
                break;
            case (Projection.EachItem, JsonArray array):
                KeepInEach(array, fields);
                break;
            case (Projection.EachValue, JsonObject map):
                foreach (var (_, value) in map)
                {
                    if (value is JsonObject item)
                    {
                        Keep(item, fields);
                    }
                }
                break;
            case (Projection.ItemsOfEachList, JsonObject lists):
                foreach (var (_, value) in lists)
                {
                    if (value is JsonArray array)
                    {
                        KeepInEach(array, fields);
                    }
                }
                break;
        }
    }

    private static void KeepInEach(JsonArray array, IReadOnlySet<string> fields)
    {
        foreach (var item in array)
        {
            if (item is JsonObject obj)
            {
                Keep(obj, fields);
            }
        }
    }

    private static void Keep(JsonObject obj, IReadOnlySet<string> fields)
    {
        foreach (var name in obj.Select(p => p.Key).Where(k => !fields.Contains(k)).ToList())
        {
            obj.Remove(name);
        }
    }
}
