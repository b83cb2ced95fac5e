namespace Spinel.Resp.Commands;

/// <summary>The <c>begin_search</c> part of a key spec: where the first key is.</summary>
/// <param name="Index">For <see cref="BeginSearchType.Index"/>: the argument index of the first key (the command name is 0).</param>
/// <param name="Keyword">For <see cref="BeginSearchType.Keyword"/>: the keyword (upper case) that precedes the first key.</param>
/// <param name="StartFrom">For <see cref="BeginSearchType.Keyword"/>: where the search starts; negative counts from the end and searches backwards.</param>
public readonly record struct BeginSearch(BeginSearchType Type, int Index, string? Keyword, int StartFrom)
{
    public static BeginSearch Unknown => default;

    public static BeginSearch AtIndex(int index) => new(BeginSearchType.Index, index, null, 0);

    public static BeginSearch ByKeyword(string keyword, int startFrom) => new(BeginSearchType.Keyword, 0, keyword, startFrom);
}
