using System.Buffers;
using System.Text;
using Spinel.Proxy.Replies;

namespace Spinel.Proxy.Tests.Replies;

public class ReplyMergesTests
{
    [Fact]
    public void AllOk_EveryShardOk_WritesTheFirstReply() =>
        Assert.Equal("+OK\r\n", Merge(ReplyMerges.AllOk, "+OK\r\n", "+OK\r\n", "+OK\r\n"));

    [Fact]
    public void AllOk_OneShardFailed_WritesItsError() =>
        Assert.Equal("-ERR boom\r\n", Merge(ReplyMerges.AllOk, "+OK\r\n", "-ERR boom\r\n", "-ERR later\r\n"));

    [Fact]
    public void SumIntegers_Integers_WritesTheirSum() =>
        Assert.Equal(":10\r\n", Merge(ReplyMerges.SumIntegers, ":1\r\n", ":0\r\n", ":9\r\n"));

    [Fact]
    public void SumIntegers_BlobError_WritesTheError() =>
        Assert.Equal("!5\r\nERR x\r\n", Merge(ReplyMerges.SumIntegers, ":1\r\n", "!5\r\nERR x\r\n"));

    [Fact]
    public void ConcatArrays_Arrays_WritesAllElementsInShardOrder() =>
        Assert.Equal("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n",
            Merge(ReplyMerges.ConcatArrays, "*1\r\n$1\r\na\r\n", "*0\r\n", "*2\r\n$1\r\nb\r\n$1\r\nc\r\n"));

    [Fact]
    public void ConcatArrays_Sets_WritesASet() =>
        Assert.Equal("~2\r\n+a\r\n+b\r\n", Merge(ReplyMerges.ConcatArrays, "~1\r\n+a\r\n", "~1\r\n+b\r\n"));

    [Fact]
    public void ConcatArrays_NestedElements_CopiesThemUnchanged() =>
        Assert.Equal("*2\r\n*2\r\n:1\r\n:2\r\n%1\r\n+k\r\n+v\r\n",
            Merge(ReplyMerges.ConcatArrays, "*1\r\n*2\r\n:1\r\n:2\r\n", "*1\r\n%1\r\n+k\r\n+v\r\n"));

    [Fact]
    public void AndIntegerArrays_ScriptExistsReplies_TrueOnlyWhereEveryShardSaysSo() =>
        Assert.Equal("*3\r\n:1\r\n:0\r\n:0\r\n",
            Merge(ReplyMerges.AndIntegerArrays, "*3\r\n:1\r\n:1\r\n:0\r\n", "*3\r\n:1\r\n:0\r\n:1\r\n"));

    [Fact]
    public void WriteFirstError_NoError_ReturnsFalseAndWritesNothing()
    {
        var output = new ArrayBufferWriter<byte>();

        var wrote = ReplyMerges.WriteFirstError([Node(":1\r\n"), Node("+OK\r\n")], output);

        Assert.False(wrote);
        Assert.Equal(0, output.WrittenCount);
    }

    private static string Merge(ReplyMerge merge, params string[] replies)
    {
        var output = new ArrayBufferWriter<byte>();
        merge([.. replies.Select(Node)], output);
        return Encoding.ASCII.GetString(output.WrittenSpan);
    }

    private static RespNode Node(string frame) => RespNode.Parse(Encoding.ASCII.GetBytes(frame));
}
