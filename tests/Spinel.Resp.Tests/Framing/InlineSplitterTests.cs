using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Framing;

public class InlineSplitterTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("a b c", new[] { "a", "b", "c" })]
    [InlineData("a\"b c\"", new[] { "ab c" })]
    [InlineData("\"\\x4g\"", new[] { "x4g" })]
    [InlineData("\"\\z\"", new[] { "z" })]
    [InlineData("\"\\a\\b\"", new[] { "\a\b" })]
    [InlineData("'a\"b'", new[] { "a\"b" })]
    [InlineData("\"a'b\"", new[] { "a'b" })]
    [InlineData("a\vb", new[] { "a\vb" })]
    [InlineData("\"\\xff\"", new[] { "\u00ff" })]
    public void Split_Line_FollowsSdsSplitArgs(string line, string[] expected)
    {
        var args = InlineSplitter.Split(Encoding.Latin1.GetBytes(line));

        Assert.NotNull(args);
        Assert.Equal(expected, args.Select(a => Encoding.Latin1.GetString(a)));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("'")]
    [InlineData("\"abc\\\"")]
    [InlineData("\"a\"b")]
    [InlineData("'a'b")]
    public void Split_UnbalancedQuotes_ReturnsNull(string line)
    {
        Assert.Null(InlineSplitter.Split(Encoding.Latin1.GetBytes(line)));
    }
}
