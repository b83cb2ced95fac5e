namespace Spinel.Resp.Commands;

/// <summary>One redis 7.0 key specification: where a group of keys lies in the arguments and how the command uses them.</summary>
public sealed record KeySpec
{
    public KeySpec(KeySpecFlags flags, BeginSearch beginSearch, FindKeys findKeys, string? notes = null)
    {
        Flags = flags;
        BeginSearch = beginSearch;
        FindKeys = findKeys;
        Notes = notes;
    }

    public KeySpecFlags Flags { get; }

    public BeginSearch BeginSearch { get; }

    public FindKeys FindKeys { get; }

    /// <summary>Redis's remark on the spec, when it has one (part of the <c>COMMAND</c> reply).</summary>
    public string? Notes { get; }

    /// <summary>True when the generic algorithm cannot be trusted to find every key of this spec.</summary>
    public bool IsIncomplete =>
        BeginSearch.Type == BeginSearchType.Unknown
        || FindKeys.Type == FindKeysType.Unknown
        || (Flags & KeySpecFlags.Incomplete) != 0;
}
