using System.Buffers;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Framing;

public class RespRequestScannerTests
{
    [Fact]
    public void Scan_MultibulkCommand_RecordsEveryArgument()
    {
        var args = RequestFeeder.ParseOne("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n");

        Assert.Equal(["SET", "key", "value"], args!);
    }

    [Fact]
    public void Scan_BulkWithCrlfAndEmptyArgument_KeepsBytesExactly()
    {
        var stream = Encoding.ASCII.GetBytes("*3\r\n$3\r\nSET\r\n$0\r\n\r\n$6\r\na\r\nb\r\n\r\n");

        var commands = RequestFeeder.FeedWhole(stream);

        var command = Assert.Single(commands);
        Assert.Equal("SET"u8.ToArray(), command[0]);
        Assert.Empty(command[1]);
        Assert.Equal("a\r\nb\r\n"u8.ToArray(), command[2]);
    }

    [Fact]
    public void Scan_TwoFramesInOneSpan_StopsAfterTheFirst()
    {
        var bytes = "*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPING\r\n"u8.ToArray();
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);

        var status = scanner.Scan(bytes, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(14, consumed);
        Assert.Equal(14, scanner.FrameLength);
        Assert.False(scanner.IsInline);
        Assert.False(scanner.IsEmpty);
    }

    [Fact]
    public void Scan_PartialFrame_NeedsMoreDataAndReportsPendingBytes()
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);

        var status = scanner.Scan("*2\r\n$3\r\nGE"u8, out var consumed);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(10, consumed);
        Assert.Equal(10, scanner.PendingBytes);
    }

    [Fact]
    public void Scan_BodyLongerThanSpan_CompletesWhenTheRestArrives()
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);
        var frame = "*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\n"u8.ToArray();

        Assert.Equal(OperationStatus.NeedMoreData, scanner.Scan(frame.AsSpan(0, 20), out _));
        var status = scanner.Scan(frame.AsSpan(20), out var consumed);
        request.Attach(frame);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(frame.Length - 20, consumed);
        Assert.Equal("hello"u8.ToArray(), request[1].ToArray());
    }

    [Theory]
    [InlineData("PING\r\n", new[] { "PING" })]
    [InlineData("PING\n", new[] { "PING" })]
    [InlineData("  set  k   v \r\n", new[] { "set", "k", "v" })]
    [InlineData("SET k \"a b\"\r\n", new[] { "SET", "k", "a b" })]
    [InlineData("SET k 'c'\r\n", new[] { "SET", "k", "c" })]
    [InlineData("SET k \"\\x41\\x62\"\r\n", new[] { "SET", "k", "Ab" })]
    [InlineData("SET k \"\\n\"\r\n", new[] { "SET", "k", "\n" })]
    [InlineData("SET k \"\\r\\t\\\"\"\r\n", new[] { "SET", "k", "\r\t\"" })]
    [InlineData("SET k 'it\\'s'\r\n", new[] { "SET", "k", "it's" })]
    [InlineData("SET k 'no \\n escape'\r\n", new[] { "SET", "k", "no \\n escape" })]
    [InlineData("SET k \"\"\r\n", new[] { "SET", "k", "" })]
    [InlineData("SET k\tv\r\n", new[] { "SET", "k", "v" })]
    public void Scan_InlineCommand_SplitsWithRedisQuoting(string line, string[] expected)
    {
        var args = RequestFeeder.ParseOne(line);

        Assert.Equal(expected, args);
    }

    [Fact]
    public void CompleteInline_InlineCommand_RewritesItAsMultibulk()
    {
        var bytes = "SET k \"a b\"\r\n"u8.ToArray();
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);
        scanner.Scan(bytes, out _);

        scanner.CompleteInline(bytes);

        Assert.True(scanner.IsInline);
        Assert.True(request.WasInline);
        Assert.Equal("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\na b\r\n", Encoding.ASCII.GetString(request.Frame.Span));
    }

    [Theory]
    [InlineData("*0\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("   \t \r\n")]
    public void Scan_EmptyFrame_HoldsNoCommand(string frame)
    {
        Assert.Null(RequestFeeder.ParseOne(frame));
    }

    [Fact]
    public void Scan_EmptyFramesBetweenCommands_AreSkipped()
    {
        var stream = "\r\n*0\r\n*1\r\n$4\r\nPING\r\n\n*-1\r\nECHO x\r\n  \r\n"u8.ToArray();

        var commands = RequestFeeder.FeedWhole(stream);

        Assert.Equal(["PING", "ECHO x"], commands.Select(c => string.Join(' ', c.Select(a => Encoding.ASCII.GetString(a)))));
    }

    [Theory]
    [InlineData("*abc\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*1x\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*1\rX", "Protocol error: invalid multibulk length")]
    [InlineData("*--1\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*1048577\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*99999999999999999999\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*1\r\nx3\r\nfoo\r\n", "Protocol error: expected '$', got 'x'")]
    [InlineData("*2\r\n$3\r\nfoo\r\n:1\r\n", "Protocol error: expected '$', got ':'")]
    [InlineData("*1\r\n$-5\r\n", "Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$-1\r\n", "Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$abc\r\n", "Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$\r\n", "Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$3\rX", "Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$536870913\r\n", "Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$99999999999999999999\r\n", "Protocol error: invalid bulk length")]
    [InlineData("SET k \"abc\r\n", "Protocol error: unbalanced quotes in request")]
    [InlineData("SET k 'abc\r\n", "Protocol error: unbalanced quotes in request")]
    [InlineData("SET k \"a\"b\r\n", "Protocol error: unbalanced quotes in request")]
    [InlineData("SET k 'a'b\r\n", "Protocol error: unbalanced quotes in request")]
    public void Scan_ProtocolViolation_ThrowsRedisErrorText(string input, string expected)
    {
        Assert.Equal(expected, RequestFeeder.ErrorOf(input));
    }

    [Theory]
    [InlineData("SET k \"abc\r\n")]
    [InlineData("SET k 'a'b\r\n")]
    public void Scan_UnbalancedQuotesSplitAcrossSpans_ThrowsWhileScanningBeforeCompleteInline(string line)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        var scanner = new RespRequestScanner(new RespRequest());
        Assert.Equal(OperationStatus.NeedMoreData, scanner.Scan(bytes.AsSpan(0, 7), out _));

        var ex = Assert.Throws<RespProtocolException>(() => scanner.Scan(bytes.AsSpan(7), out _));

        Assert.Equal("Protocol error: unbalanced quotes in request", ex.Message);
    }

    [Fact]
    public void Scan_InlineLineOverLimitWithoutNewline_ThrowsTooBigInlineRequest()
    {
        var line = Encoding.ASCII.GetBytes("SET k " + new string('x', RespLimits.MaxInlineLength));

        Assert.Equal("Protocol error: too big inline request", RequestFeeder.ErrorOf(line));
    }

    [Fact]
    public void Scan_InlineLineOverLimitInSmallPieces_ThrowsTooBigInlineRequest()
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);
        var piece = Encoding.ASCII.GetBytes(new string('x', 1000));

        var ex = Assert.Throws<RespProtocolException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(OperationStatus.NeedMoreData, scanner.Scan(piece, out _));
            }
        });

        Assert.Equal("Protocol error: too big inline request", ex.Message);
    }

    [Fact]
    public void Scan_InlineLineAtLimit_IsAccepted()
    {
        var value = new string('x', RespLimits.MaxInlineLength - 10);

        var args = RequestFeeder.ParseOne("SET k " + value + "\r\n");

        Assert.Equal(["SET", "k", value], args!);
    }

    [Fact]
    public void Scan_BulkLengthAtLimit_WaitsForTheBody()
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);

        var status = scanner.Scan("*2\r\n$3\r\nSET\r\n$536870912\r\n"u8, out var consumed);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(25, consumed);
    }

    [Fact]
    public void Scan_BulkLengthOverLimit_ThrowsAtTheHeaderWithoutBody()
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);
        Assert.Equal(OperationStatus.NeedMoreData, scanner.Scan("*2\r\n$3\r\nSET\r\n$536870913\r"u8, out _));

        var ex = Assert.Throws<RespProtocolException>(() => scanner.Scan("\n"u8, out _));

        Assert.Equal("Protocol error: invalid bulk length", ex.Message);
    }

    [Fact]
    public void Scan_HugeBulkLengthDigits_ThrowsBeforeTheLineEnds()
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);

        var ex = Assert.Throws<RespProtocolException>(() => scanner.Scan("*1\r\n$99999999999"u8, out _));

        Assert.Equal("Protocol error: invalid bulk length", ex.Message);
    }
}
