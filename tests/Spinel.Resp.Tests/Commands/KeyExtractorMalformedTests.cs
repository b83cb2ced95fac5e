using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Commands;

public class KeyExtractorMalformedTests
{
    [Theory]
    [InlineData("EVAL script 99 a b", new[] { 3, 4 })]
    [InlineData("EVAL script -1 a", new int[0])]
    [InlineData("EVAL script abc a", new int[0])]
    [InlineData("EVAL script 99999999999999999999 a", new int[0])]
    [InlineData("EVAL script 9223372036854775807 a", new[] { 3 })]
    [InlineData("EVAL script", new int[0])]
    [InlineData("EVAL", new int[0])]
    [InlineData("ZUNIONSTORE dst", new[] { 1 })]
    [InlineData("ZUNIONSTORE dst 5 a", new[] { 1, 3 })]
    [InlineData("ZUNION 0 a", new int[0])]
    [InlineData("BLMPOP 0", new int[0])]
    [InlineData("XREAD STREAMS", new int[0])]
    [InlineData("XREAD COUNT 1 STREAMS a", new int[0])]
    [InlineData("XREAD STREAMS a b 0", new[] { 2 })]
    [InlineData("XREADGROUP GROUP", new int[0])]
    [InlineData("MSET a", new[] { 1 })]
    [InlineData("MSET a 1 b", new[] { 1, 3 })]
    [InlineData("GET", new int[0])]
    [InlineData("RENAME a", new[] { 1 })]
    [InlineData("BLPOP", new int[0])]
    [InlineData("BLPOP 0", new int[0])]
    [InlineData("SORT", new int[0])]
    [InlineData("SORT k LIMIT", new[] { 1 })]
    [InlineData("SORT k STORE", new[] { 1 })]
    [InlineData("MIGRATE", new int[0])]
    [InlineData("MIGRATE h p", new int[0])]
    [InlineData("MIGRATE h p \"\" 0 5 KEYS", new int[0])]
    [InlineData("MIGRATE h p \"\" 0 5 AUTH2 u", new[] { 3 })]
    [InlineData("GEORADIUS k 1 2 3 km STORE", new[] { 1 })]
    [InlineData("OBJECT ENCODING", new int[0])]
    [InlineData("BITFIELD k GET", new[] { 1 })]
    public void GetKeyIndexes_MalformedArguments_ReturnsKeysItCanFind(string line, int[] expected)
    {
        var request = CommandLine.Request(line);
        var info = CommandTable.Resolve(request)!;
        var keys = new List<int>();

        KeyExtractor.GetKeyIndexes(info, request, keys);

        Assert.Equal(expected, keys);
    }

    [Fact]
    public void GetKeyIndexes_EveryCommandWithShortOrOddArguments_NeverThrows()
    {
        string[][] tails = [[], ["1"], ["-1"], ["x", "y"], ["999", "k"], ["STREAMS"], ["STORE"], ["KEYS"], ["", "", "", "", "", "KEYS"]];
        var keys = new List<KeyReference>();
        foreach (var command in CommandTable.All.SelectMany(c => c.Subcommands.Prepend(c)))
        {
            var name = command.Name.Split('|');
            foreach (var tail in tails)
            {
                var request = Spinel.Resp.Framing.RespRequest.FromArgs([.. name, .. tail]);
                keys.Clear();

                KeyExtractor.GetKeys(command, request, keys, includeNotKeys: true);

                Assert.All(keys, k => Assert.InRange(k.Index, 1, request.ArgCount - 1));
            }
        }
    }
}
