namespace Spinel.Cli.Rendering;

/// <summary>Orders uids numerically when both are numbers (2 before 10), ordinally otherwise; nulls last.</summary>
internal sealed class UidComparer : IComparer<string?>
{
    public static UidComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }
        return long.TryParse(x, out var a) && long.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
    }
}
