namespace Spinel.Resp.Commands;

/// <summary>How a key spec finds the first key.</summary>
public enum BeginSearchType : byte
{
    /// <summary>The spec cannot be evaluated; command-specific code must find the keys.</summary>
    Unknown,

    /// <summary>A fixed argument index.</summary>
    Index,

    /// <summary>The argument after a keyword, searched from a start index.</summary>
    Keyword,
}
