using System.Buffers;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Framing;

public class InlineQuoteTrackerTests
{
    private static readonly byte[] Alphabet = "ab \t\"'\\x4\r\v\0"u8.ToArray();

    [Fact]
    public void Scan_RandomInlineLines_RejectsExactlyTheLinesTheSplitterRejects()
    {
        var random = new Random(99);
        var rejected = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var line = new byte[random.Next(1, 14) + 1];
            for (var j = 0; j < line.Length - 1; j++)
            {
                line[j] = Alphabet[random.Next(Alphabet.Length)];
            }
            line[0] = line[0] == '*' ? (byte)'a' : line[0];
            line[^1] = (byte)'\n';
            var splitterRejects = InlineSplitter.Split(line) is null;

            var scanner = new RespRequestScanner(new RespRequest());
            var scannerRejects = false;
            try
            {
                var cut = random.Next(line.Length);
                scanner.Scan(line.AsSpan(0, cut), out _);
                Assert.Equal(OperationStatus.Done, scanner.Scan(line.AsSpan(cut), out _));
            }
            catch (RespProtocolException ex)
            {
                Assert.Equal("Protocol error: unbalanced quotes in request", ex.Message);
                scannerRejects = true;
            }

            Assert.True(splitterRejects == scannerRejects, $"line {Convert.ToHexString(line)}: splitter rejects {splitterRejects}, scanner {scannerRejects}");
            rejected += scannerRejects ? 1 : 0;
        }
        Assert.InRange(rejected, 2000, 18_000);
    }
}
