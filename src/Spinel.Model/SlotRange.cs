namespace Spinel.Model;

/// <summary>An inclusive range of hash slots, <c>Start-End</c>, within 0-16383.</summary>
public readonly record struct SlotRange(int Start, int End)
{
    public const int SlotCount = 16384;

    public int Count => End - Start + 1;

    public bool Contains(int slot) => slot >= Start && slot <= End;

    public override string ToString() => Start == End ? Start.ToString() : $"{Start}-{End}";

    /// <summary>Splits 0-16383 into <paramref name="parts"/> contiguous ranges as Redis Enterprise does (3 shards: 0-5460, 5461-10922, 10923-16383).</summary>
    public static IReadOnlyList<SlotRange> SplitEvenly(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parts, SlotCount);
        var ranges = new SlotRange[parts];
        for (var i = 0; i < parts; i++)
        {
            var start = (int)((long)SlotCount * i / parts);
            var end = (int)((long)SlotCount * (i + 1) / parts) - 1;
            ranges[i] = new SlotRange(start, end);
        }
        return ranges;
    }
}
