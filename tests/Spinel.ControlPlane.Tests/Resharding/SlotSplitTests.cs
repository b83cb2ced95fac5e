using Spinel.ControlPlane.Resharding;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Resharding;

public sealed class SlotSplitTests
{
    [Fact]
    public void AWholeRangeSplitsInTwoEqualHalves()
    {
        var parts = SlotSplit.Split([new SlotRange(0, 16383)], 2);

        Assert.Equal([new SlotRange(0, 8191)], parts[0].ToArray());
        Assert.Equal([new SlotRange(8192, 16383)], parts[1].ToArray());
    }

    [Fact]
    public void PartsCoverEverySlotOnceInOrderEvenAcrossGaps()
    {
        SlotRange[] ranges = [new SlotRange(100, 199), new SlotRange(0, 9), new SlotRange(500, 500)];

        var parts = SlotSplit.Split(ranges, 3);

        var slots = parts.SelectMany(p => p.SelectMany(r => Enumerable.Range(r.Start, r.Count))).ToList();
        Assert.Equal(ranges.SelectMany(r => Enumerable.Range(r.Start, r.Count)).Order(), slots);
        Assert.All(parts, p => Assert.InRange(p.Sum(r => r.Count), 37, 37));
        Assert.Equal([new SlotRange(0, 9), new SlotRange(100, 126)], parts[0].ToArray());
    }
}
