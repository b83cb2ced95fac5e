namespace Spinel.CommandTableGen;

/// <summary>One entry of the <c>COMMAND</c> reply, as redis reports it.</summary>
internal sealed record CommandModel(
    string Name,
    long Arity,
    IReadOnlyList<string> Flags,
    long FirstKey,
    long LastKey,
    long Step,
    IReadOnlyList<string> AclCategories,
    IReadOnlyList<string> Tips,
    IReadOnlyList<KeySpecModel> KeySpecs,
    IReadOnlyList<CommandModel> Subcommands)
{
    public static CommandModel Parse(object? value)
    {
        var entry = AsList(value);
        if (entry.Count < 10)
        {
            throw new InvalidDataException("COMMAND entry has " + entry.Count + " fields, expected 10 (redis 7.0 or later)");
        }
        return new CommandModel(
            (string)entry[0]!,
            (long)entry[1]!,
            Strings(entry[2]),
            (long)entry[3]!,
            (long)entry[4]!,
            (long)entry[5]!,
            Strings(entry[6]),
            Strings(entry[7]),
            AsList(entry[8]).Select(KeySpecModel.Parse).ToList(),
            AsList(entry[9]).Select(Parse).OrderBy(c => c.Name, StringComparer.Ordinal).ToList());
    }

    internal static List<object?> AsList(object? value) =>
        value as List<object?> ?? throw new InvalidDataException("expected an array, got " + (value ?? "null"));

    internal static List<string> Strings(object? value) => AsList(value).Select(v => (string)v!).ToList();

    /// <summary>Reads a RESP2 flattened map (name, value, name, value ...).</summary>
    internal static Dictionary<string, object?> AsMap(object? value)
    {
        var list = AsList(value);
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            map[(string)list[i]!] = list[i + 1];
        }
        return map;
    }
}
