using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Resharding;

/// <summary>Splits a shard's slots into contiguous parts of (nearly) equal slot counts, in slot order.</summary>
public static class SlotSplit
{
    public static IReadOnlyList<ValueList<SlotRange>> Split(IReadOnlyList<SlotRange> ranges, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var slots = ranges.OrderBy(r => r.Start).SelectMany(r => Enumerable.Range(r.Start, r.Count)).ToList();
        var result = new List<ValueList<SlotRange>>(parts);
        for (var part = 0; part < parts; part++)
        {
            var from = (int)((long)slots.Count * part / parts);
            var to = (int)((long)slots.Count * (part + 1) / parts);
            result.Add(Compact(slots.GetRange(from, to - from)));
        }
        return result;
    }

    private static ValueList<SlotRange> Compact(List<int> slots)
    {
        var ranges = new List<SlotRange>();
        foreach (var slot in slots)
        {
            if (ranges.Count > 0 && ranges[^1].End == slot - 1)
            {
                ranges[^1] = ranges[^1] with { End = slot };
            }
            else
            {
                ranges.Add(new SlotRange(slot, slot));
            }
        }
        return ranges.ToValueList();
    }
}
