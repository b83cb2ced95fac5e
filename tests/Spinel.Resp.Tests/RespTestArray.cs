namespace Spinel.Resp.Tests;

/// <summary>An aggregate reply; <see cref="Type"/> is '*', '~' or '%' (maps are flattened into key, value, ...).</summary>
public sealed record RespTestArray(char Type, List<object?> Items)
{
    /// <summary>Canonical text for comparisons; keeps the type bytes, so a set and an array differ.</summary>
    public override string ToString() => Type + "[" + string.Join(", ", Items.Select(i => i switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => i.ToString(),
    })) + "]";
}
