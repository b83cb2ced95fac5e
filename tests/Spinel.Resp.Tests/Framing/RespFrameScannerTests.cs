using System.Buffers;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Framing;

public class RespFrameScannerTests
{
    [Theory]
    [InlineData("+OK\r\n")]
    [InlineData("-ERR something bad\r\n")]
    [InlineData(":-42\r\n")]
    [InlineData("$5\r\nhello\r\n")]
    [InlineData("$0\r\n\r\n")]
    [InlineData("$6\r\na\r\nb\r\n\r\n")]
    [InlineData("$-1\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("*0\r\n")]
    [InlineData("*2\r\n$1\r\na\r\n:1\r\n")]
    [InlineData("_\r\n")]
    [InlineData(",3.14\r\n")]
    [InlineData(",-inf\r\n")]
    [InlineData("#t\r\n")]
    [InlineData("(3492890328409238509324850943850943825024385\r\n")]
    [InlineData("!21\r\nSYNTAX invalid syntax\r\n")]
    [InlineData("=15\r\ntxt:Some string\r\n")]
    [InlineData("%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n")]
    [InlineData("%0\r\n")]
    [InlineData("~3\r\n+a\r\n+b\r\n+c\r\n")]
    [InlineData(">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$3\r\nhi!\r\n")]
    [InlineData("|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n:42\r\n")]
    [InlineData("*2\r\n|1\r\n+ttl\r\n:3600\r\n$1\r\nx\r\n:2\r\n")]
    [InlineData("*3\r\n*2\r\n%1\r\n+k\r\n~1\r\n_\r\n$-1\r\n*-1\r\n>1\r\n#f\r\n")]
    public void Scan_CompleteValue_IsOneFrame(string frame)
    {
        var bytes = Encoding.ASCII.GetBytes(frame);
        var scanner = default(RespFrameScanner);

        var status = scanner.Scan(bytes, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(bytes.Length, consumed);
        Assert.True(scanner.IsAtFrameStart);
    }

    [Theory]
    [InlineData("*2\r\n$1\r\na\r\n:1\r\n")]
    [InlineData("%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n")]
    [InlineData("|1\r\n+key\r\n+val\r\n:42\r\n")]
    [InlineData("$6\r\na\r\nb\r\n\r\n")]
    public void Scan_EveryProperPrefix_NeedsMoreData(string frame)
    {
        var bytes = Encoding.ASCII.GetBytes(frame);
        for (var length = 1; length < bytes.Length; length++)
        {
            var scanner = default(RespFrameScanner);

            var status = scanner.Scan(bytes.AsSpan(0, length), out var consumed);

            Assert.Equal(OperationStatus.NeedMoreData, status);
            Assert.Equal(length, consumed);
            Assert.False(scanner.IsAtFrameStart);
        }
    }

    [Fact]
    public void Scan_AttributeAtTopLevel_EndsOnlyAfterTheAnnotatedValue()
    {
        var scanner = default(RespFrameScanner);

        var status = scanner.Scan("|1\r\n+key\r\n+val\r\n"u8, out var consumed);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(OperationStatus.Done, scanner.Scan(":1\r\n"u8, out consumed));
        Assert.Equal(4, consumed);
    }

    [Fact]
    public void Scan_TwoFramesInOneSpan_StopsAfterTheFirst()
    {
        var scanner = default(RespFrameScanner);

        var status = scanner.Scan("+OK\r\n:1\r\n"u8, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(5, consumed);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("OK\r\n")]
    [InlineData("$abc\r\n")]
    [InlineData("$\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("*-5\r\n")]
    [InlineData("*1x\r\n")]
    [InlineData("$3\rX")]
    [InlineData("*--1\r\n")]
    [InlineData("$99999999999\r\n")]
    [InlineData("*1\r\n?\r\n")]
    [InlineData("\r\n")]
    public void Scan_Garbage_ReturnsInvalidData(string input)
    {
        var scanner = default(RespFrameScanner);

        var status = scanner.Scan(Encoding.ASCII.GetBytes(input), out _);

        Assert.Equal(OperationStatus.InvalidData, status);
    }

    [Fact]
    public void Scan_NestingAtLimit_IsAccepted()
    {
        var frame = string.Concat(Enumerable.Repeat("*1\r\n", RespLimits.MaxNesting)) + ":1\r\n";
        var scanner = default(RespFrameScanner);

        Assert.Equal(OperationStatus.Done, scanner.Scan(Encoding.ASCII.GetBytes(frame), out _));
    }

    [Fact]
    public void Scan_NestingBeyondLimit_ReturnsInvalidData()
    {
        var frame = string.Concat(Enumerable.Repeat("*1\r\n", RespLimits.MaxNesting + 1)) + ":1\r\n";
        var scanner = default(RespFrameScanner);

        Assert.Equal(OperationStatus.InvalidData, scanner.Scan(Encoding.ASCII.GetBytes(frame), out _));
    }

    [Fact]
    public void Reset_AfterPartialFrame_StartsAFreshFrame()
    {
        var scanner = default(RespFrameScanner);
        scanner.Scan("*3\r\n:1\r\n"u8, out _);

        scanner.Reset();

        Assert.True(scanner.IsAtFrameStart);
        Assert.Equal(OperationStatus.Done, scanner.Scan("+OK\r\n"u8, out var consumed));
        Assert.Equal(5, consumed);
    }

    [Fact]
    public void TryGetFrameLength_FrameAcrossSegments_ReturnsItsLength()
    {
        var sequence = Segments.Of("*2\r\n$5\r\nhel", "lo\r\n:", "7\r\n+next\r\n");

        var status = RespFrameScanner.TryGetFrameLength(sequence, out var length);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(19, length);
    }

    [Fact]
    public void TryGetFrameLength_IncompleteFrame_ReturnsNeedMoreDataAndMinusOne()
    {
        var sequence = Segments.Of("*2\r\n$5\r\nhel", "lo\r\n");

        var status = RespFrameScanner.TryGetFrameLength(sequence, out var length);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(-1, length);
    }
}
