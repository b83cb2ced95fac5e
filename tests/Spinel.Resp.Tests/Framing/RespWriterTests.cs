using System.Buffers;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Framing;

public class RespWriterTests
{
    [Fact]
    public void WriteSimpleString_Text_WritesPlusLine() =>
        Assert.Equal("+OK\r\n", Written(w => RespWriter.WriteSimpleString(w, "OK")));

    [Fact]
    public void WriteError_Message_WritesMinusLine() =>
        Assert.Equal("-ERR no such key\r\n", Written(w => RespWriter.WriteError(w, "ERR no such key")));

    [Theory]
    [InlineData(0, ":0\r\n")]
    [InlineData(-1, ":-1\r\n")]
    [InlineData(long.MaxValue, ":9223372036854775807\r\n")]
    [InlineData(long.MinValue, ":-9223372036854775808\r\n")]
    public void WriteInteger_Value_WritesColonLine(long value, string expected) =>
        Assert.Equal(expected, Written(w => RespWriter.WriteInteger(w, value)));

    [Fact]
    public void WriteArrayHeader_Count_WritesStarLine() =>
        Assert.Equal("*3\r\n", Written(w => RespWriter.WriteArrayHeader(w, 3)));

    [Theory]
    [InlineData(2, "*4\r\n")]
    [InlineData(3, "%2\r\n")]
    public void WriteMapHeader_Protocol_WritesMapOrFlatArray(int protocol, string expected) =>
        Assert.Equal(expected, Written(w => RespWriter.WriteMapHeader(w, 2, protocol)));

    [Theory]
    [InlineData(2, "$-1\r\n")]
    [InlineData(3, "_\r\n")]
    public void WriteNull_Protocol_WritesNullOfThatProtocol(int protocol, string expected) =>
        Assert.Equal(expected, Written(w => RespWriter.WriteNull(w, protocol)));

    [Fact]
    public void WriteBulkString_BinaryBytes_WritesLengthAndBytes()
    {
        var written = WrittenBytes(w => RespWriter.WriteBulkString(w, new byte[] { 0, 13, 10, 255 }));

        Assert.Equal(new byte[] { (byte)'$', (byte)'4', 13, 10, 0, 13, 10, 255, 13, 10 }, written);
    }

    [Fact]
    public void WriteBulkString_Utf8Text_CountsBytesNotChars() =>
        Assert.Equal("$2\r\né\r\n", Encoding.UTF8.GetString(WrittenBytes(w => RespWriter.WriteBulkString(w, "é"))));

    [Fact]
    public void WriteBulkString_Empty_WritesZeroLength() =>
        Assert.Equal("$0\r\n\r\n", Written(w => RespWriter.WriteBulkString(w, "")));

    [Theory]
    [InlineData(2, "$5\r\nhello\r\n")]
    [InlineData(3, "=9\r\ntxt:hello\r\n")]
    public void WriteVerbatim_Protocol_WritesVerbatimOnlyForResp3(int protocol, string expected) =>
        Assert.Equal(expected, Written(w => RespWriter.WriteVerbatim(w, "hello", protocol)));

    [Fact]
    public void WriteCommand_Args_WritesArrayOfBulkStrings() =>
        Assert.Equal("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", Written(w => RespWriter.WriteCommand(w, "GET", "k")));

    [Fact]
    public void EncodeCommand_Args_ScansAsTheSameRequest()
    {
        var bytes = RespWriter.EncodeCommand("SET", "key with space", "v\r\n");

        var commands = RequestFeeder.FeedWhole(bytes);

        Assert.Equal(["SET", "key with space", "v\r\n"], Assert.Single(commands).Select(a => Encoding.UTF8.GetString(a)));
    }

    [Fact]
    public void WriteHeader_ManyValuesIntoOneWriter_AppendsEach()
    {
        var written = Written(w =>
        {
            RespWriter.WriteHeader(w, (byte)'~', 2);
            RespWriter.WriteRaw(w, "+a\r\n"u8);
            RespWriter.WriteInteger(w, 7);
        });

        Assert.Equal("~2\r\n+a\r\n:7\r\n", written);
    }

    [Fact]
    public void FromArgs_Args_BuildsMultibulkFrameAndOffsets()
    {
        var request = RespRequest.FromArgs("MSET", "a", "", "b", "xyz");

        Assert.Equal("*5\r\n$4\r\nMSET\r\n$1\r\na\r\n$0\r\n\r\n$1\r\nb\r\n$3\r\nxyz\r\n", Encoding.ASCII.GetString(request.Frame.Span));
        Assert.Equal(5, request.ArgCount);
        Assert.Equal("xyz", request.GetString(4));
        Assert.True(request[2].IsEmpty);
        Assert.True(request.ArgEquals(0, "MSET"u8));
        Assert.False(request.ArgEquals(5, "MSET"u8));
    }

    [Theory]
    [InlineData("123", true, 123)]
    [InlineData("-5", true, -5)]
    [InlineData("12x", false, 0)]
    [InlineData("", false, 0)]
    public void TryGetInt64_Argument_ParsesOnlyWholeIntegers(string text, bool ok, long expected)
    {
        var request = RespRequest.FromArgs("INCRBY", text);

        Assert.Equal(ok, request.TryGetInt64(1, out var value));
        if (ok)
        {
            Assert.Equal(expected, value);
        }
    }

    private static string Written(Action<IBufferWriter<byte>> write) => Encoding.ASCII.GetString(WrittenBytes(write));

    private static byte[] WrittenBytes(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
