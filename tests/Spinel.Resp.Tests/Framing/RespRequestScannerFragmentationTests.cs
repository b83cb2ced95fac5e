namespace Spinel.Resp.Tests.Framing;

public class RespRequestScannerFragmentationTests
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
    public void Scan_RandomStreamSplitAtRandomPoints_YieldsTheSameCommandsAsWhole(int seed)
    {
        var random = new Random(seed);
        var (stream, expected) = RandomRequests.Build(random, frames: 150);
        var whole = RequestFeeder.FeedWhole(stream);

        for (var round = 0; round < 5; round++)
        {
            var cuts = RandomRequests.Cuts(random, stream.Length, maxSegments: round == 0 ? 8 : 2000);

            var split = RequestFeeder.Feed(stream, cuts);

            AssertSameCommands(whole, split);
        }
        AssertSameCommands(expected, whole);
    }

    [Fact]
    public void Scan_RandomStreamOneByteAtATime_YieldsTheSameCommands()
    {
        var random = new Random(4242);
        var (stream, expected) = RandomRequests.Build(random, frames: 200);

        var split = RequestFeeder.Feed(stream, [.. Enumerable.Range(1, stream.Length)]);

        AssertSameCommands(expected, split);
    }

    private static void AssertSameCommands(List<byte[][]> expected, List<byte[][]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            for (var a = 0; a < expected[i].Length; a++)
            {
                Assert.True(expected[i][a].AsSpan().SequenceEqual(actual[i][a]), $"command {i} argument {a} differs");
            }
        }
    }
}
