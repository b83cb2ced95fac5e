using Spinel.Resp.Commands;

namespace Spinel.Discovery.Tests.PubSub;

public sealed class ChannelPatternTests
{
    [Theory]
    [InlineData("*", "+switch-master", true)]
    [InlineData("+switch-*", "+switch-master", true)]
    [InlineData("+switch-*", "+sdown", false)]
    [InlineData("+sw?tch-master", "+switch-master", true)]
    [InlineData("+[rs]witch-master", "+switch-master", true)]
    [InlineData("+[^s]witch-master", "+switch-master", false)]
    [InlineData("+[a-t]witch-master", "+switch-master", true)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "+switch-master", false)]
    [InlineData("+SWITCH-*", "+switch-master", false)]
    [InlineData("", "", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void IsMatch_RedisGlobSyntax(string pattern, string channel, bool expected)
    {
        Assert.Equal(expected, GlobPattern.IsMatch(pattern, channel, ignoreCase: false));
    }

    [Fact]
    public void IsMatch_ManyStarsAgainstALongChannel_AnswersAtOnce()
    {
        // A subscriber's pattern must not be able to stall the delivery of every message (no backtracking blow-up).
        var pattern = string.Concat(Enumerable.Repeat("*a", 30)) + "b";
        var channel = new string('a', 5000);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(GlobPattern.IsMatch(pattern, channel, ignoreCase: false));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
