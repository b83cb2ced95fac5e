namespace Spinel.CommandTableGen;

/// <summary>One key specification of a <c>COMMAND</c> entry.</summary>
internal sealed record KeySpecModel(
    string? Notes,
    IReadOnlyList<string> Flags,
    string BeginSearchType,
    IReadOnlyDictionary<string, object?> BeginSearch,
    string FindKeysType,
    IReadOnlyDictionary<string, object?> FindKeys)
{
    public static KeySpecModel Parse(object? value)
    {
        var map = CommandModel.AsMap(value);
        var begin = CommandModel.AsMap(map["begin_search"]);
        var find = CommandModel.AsMap(map["find_keys"]);
        foreach (var field in map.Keys)
        {
            if (field is not ("notes" or "flags" or "begin_search" or "find_keys"))
            {
                throw new InvalidDataException("unknown key spec field '" + field + "'");
            }
        }
        return new KeySpecModel(
            map.TryGetValue("notes", out var notes) ? (string?)notes : null,
            CommandModel.Strings(map["flags"]),
            (string)begin["type"]!,
            CommandModel.AsMap(begin["spec"]),
            (string)find["type"]!,
            CommandModel.AsMap(find["spec"]));
    }
}
