using Spinel.Discovery.PubSub;

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
        Assert.Equal(expected, ChannelPattern.IsMatch(pattern, channel));
    }
}
