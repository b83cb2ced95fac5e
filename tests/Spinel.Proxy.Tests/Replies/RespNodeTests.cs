using System.Text;
using Spinel.Proxy.Replies;

namespace Spinel.Proxy.Tests.Replies;

public class RespNodeTests
{
    [Theory]
    [InlineData("+OK\r\n", '+', "OK")]
    [InlineData("-ERR bad\r\n", '-', "ERR bad")]
    [InlineData("$5\r\nhe\r\no\r\n", '$', "he\r\no")]
    [InlineData("$0\r\n\r\n", '$', "")]
    [InlineData("!9\r\nERR blob!\r\n", '!', "ERR blob!")]
    [InlineData("=9\r\ntxt:hello\r\n", '=', "txt:hello")]
    [InlineData(",1.5\r\n", ',', "1.5")]
    [InlineData("#t\r\n", '#', "t")]
    [InlineData("(12345678901234567890\r\n", '(', "12345678901234567890")]
    public void Parse_Scalar_KeepsTypeTextAndRaw(string frame, char type, string text)
    {
        var node = RespNode.Parse(Encoding.ASCII.GetBytes(frame));

        Assert.Equal((byte)type, node.Type);
        Assert.Equal(text, node.Text);
        Assert.Equal(frame, Encoding.ASCII.GetString(node.Raw.Span));
        Assert.Empty(node.Children);
    }

    [Theory]
    [InlineData(":42\r\n", 42)]
    [InlineData(":-7\r\n", -7)]
    public void Parse_Integer_ReadsItsValue(string frame, long value)
    {
        var node = RespNode.Parse(Encoding.ASCII.GetBytes(frame));

        Assert.Equal(value, node.Integer);
        Assert.False(node.IsNull);
    }

    [Theory]
    [InlineData("$-1\r\n", true)]
    [InlineData("*-1\r\n", true)]
    [InlineData("_\r\n", true)]
    [InlineData("$0\r\n\r\n", false)]
    [InlineData("*0\r\n", false)]
    [InlineData(":-1\r\n", false)]
    public void IsNull_Value_TrueOnlyForNulls(string frame, bool isNull) =>
        Assert.Equal(isNull, RespNode.Parse(Encoding.ASCII.GetBytes(frame)).IsNull);

    [Theory]
    [InlineData("-ERR x\r\n", true)]
    [InlineData("!5\r\nERR x\r\n", true)]
    [InlineData("+ERR\r\n", false)]
    public void IsError_Value_TrueForSimpleAndBlobErrors(string frame, bool isError) =>
        Assert.Equal(isError, RespNode.Parse(Encoding.ASCII.GetBytes(frame)).IsError);

    [Fact]
    public void Parse_NestedArray_BuildsChildrenWithTheirOwnRawBytes()
    {
        var node = RespNode.Parse("*3\r\n:1\r\n*2\r\n$1\r\na\r\n$-1\r\n+x\r\n"u8.ToArray());

        Assert.Equal(3, node.Children.Count);
        Assert.Equal(3, node.Integer);
        Assert.Equal(1, node.Children[0].Integer);
        Assert.Equal("*2\r\n$1\r\na\r\n$-1\r\n", Encoding.ASCII.GetString(node.Children[1].Raw.Span));
        Assert.Equal("a", node.Children[1].Children[0].Text);
        Assert.True(node.Children[1].Children[1].IsNull);
        Assert.Equal("x", node.Children[2].Text);
    }

    [Theory]
    [InlineData("%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n", '%', 4)]
    [InlineData("~2\r\n+a\r\n+b\r\n", '~', 2)]
    [InlineData(">3\r\n+message\r\n+ch\r\n+hi\r\n", '>', 3)]
    public void Parse_Resp3Aggregate_FlattensEntriesIntoChildren(string frame, char type, int children)
    {
        var node = RespNode.Parse(Encoding.ASCII.GetBytes(frame));

        Assert.Equal((byte)type, node.Type);
        Assert.Equal(children, node.Children.Count);
        Assert.Equal(frame, Encoding.ASCII.GetString(node.Raw.Span));
    }

    [Fact]
    public void Parse_AttributeBeforeValue_ReturnsTheAnnotatedValue()
    {
        var node = RespNode.Parse("|1\r\n+ttl\r\n:3600\r\n*1\r\n:5\r\n"u8.ToArray());

        Assert.Equal((byte)'*', node.Type);
        Assert.Equal(5, Assert.Single(node.Children).Integer);
    }

    [Fact]
    public void Parse_AttributeInsideArray_IsSkippedForThatElement()
    {
        var node = RespNode.Parse("*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n:2\r\n"u8.ToArray());

        Assert.Equal([1L, 2L], node.Children.Select(c => c.Integer));
    }
}
