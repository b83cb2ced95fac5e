using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Commands;

public class GlobPatternTests
{
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("x*", "xadd", true)]
    [InlineData("x*", "axadd", false)]
    [InlineData("*add", "xadd", true)]
    [InlineData("*a*d*", "xautoclaim", false)]
    [InlineData("*a*m", "xautoclaim", true)]
    [InlineData("h?et", "hset", true)]
    [InlineData("h?et", "hgets", false)]
    [InlineData("?get", "hget", true)]
    [InlineData("config|*", "config|get", true)]
    [InlineData("[hg]et", "get", true)]
    [InlineData("[^hg]et", "get", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[c-a]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("GET", "get", true)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "a", false)]
    [InlineData("a**b", "ab", true)]
    public void IsMatch_PatternAndText_MatchesLikeRedis(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, GlobPattern.IsMatch(pattern, text, ignoreCase: true));
    }
}
