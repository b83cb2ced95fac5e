using System.Buffers;

namespace Spinel.Resp.Tests.Framing;

public class RespFrameScannerFragmentationTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 120; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Scan_RandomRepliesSplitAtRandomPoints_FindsTheSameFrameEnds(int seed)
    {
        var random = new Random(seed);
        var (stream, expected) = RandomReplies.Build(random, frames: 100);
        Assert.Equal(expected, FrameEnds(stream, [stream.Length]));

        for (var round = 0; round < 5; round++)
        {
            var cuts = RandomRequests.Cuts(random, stream.Length, maxSegments: round == 0 ? 8 : 2000);

            Assert.Equal(expected, FrameEnds(stream, cuts));
        }
    }

    [Fact]
    public void Scan_RandomRepliesOneByteAtATime_FindsTheSameFrameEnds()
    {
        var (stream, expected) = RandomReplies.Build(new Random(777), frames: 200);

        Assert.Equal(expected, FrameEnds(stream, [.. Enumerable.Range(1, stream.Length)]));
    }

    private static List<int> FrameEnds(byte[] stream, IReadOnlyList<int> cuts)
    {
        var scanner = default(Spinel.Resp.Framing.RespFrameScanner);
        var ends = new List<int>();
        var segmentStart = 0;
        foreach (var segmentEnd in cuts)
        {
            var pos = segmentStart;
            while (pos < segmentEnd)
            {
                var status = scanner.Scan(stream.AsSpan(pos, segmentEnd - pos), out var consumed);
                Assert.NotEqual(OperationStatus.InvalidData, status);
                pos += consumed;
                if (status == OperationStatus.Done)
                {
                    ends.Add(pos);
                }
                else
                {
                    Assert.Equal(segmentEnd, pos);
                }
            }
            segmentStart = segmentEnd;
        }
        Assert.True(scanner.IsAtFrameStart);
        return ends;
    }
}
