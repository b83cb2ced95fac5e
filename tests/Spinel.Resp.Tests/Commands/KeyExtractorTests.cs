using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Commands;

public class KeyExtractorTests
{
    [Theory]
    [InlineData("GET k", new[] { 1 })]
    [InlineData("SET k v EX 10 NX", new[] { 1 })]
    [InlineData("MSET a 1 b 2 c 3", new[] { 1, 3, 5 })]
    [InlineData("MSETNX a 1 b 2", new[] { 1, 3 })]
    [InlineData("MGET a b c", new[] { 1, 2, 3 })]
    [InlineData("DEL a b", new[] { 1, 2 })]
    [InlineData("UNLINK a", new[] { 1 })]
    [InlineData("EVAL script 2 k1 k2 arg", new[] { 3, 4 })]
    [InlineData("EVAL script 0 arg1 arg2", new int[0])]
    [InlineData("EVALSHA sha 1 k arg", new[] { 3 })]
    [InlineData("EVAL_RO script 1 k", new[] { 3 })]
    [InlineData("FCALL fn 2 k1 k2 arg", new[] { 3, 4 })]
    [InlineData("FCALL_RO fn 1 k", new[] { 3 })]
    [InlineData("ZUNIONSTORE dst 2 a b WEIGHTS 1 2", new[] { 1, 3, 4 })]
    [InlineData("ZINTERSTORE dst 3 a b c AGGREGATE MAX", new[] { 1, 3, 4, 5 })]
    [InlineData("ZDIFFSTORE dst 2 a b", new[] { 1, 3, 4 })]
    [InlineData("ZUNION 2 a b WITHSCORES", new[] { 2, 3 })]
    [InlineData("ZINTER 3 a b c", new[] { 2, 3, 4 })]
    [InlineData("ZDIFF 2 a b", new[] { 2, 3 })]
    [InlineData("SINTERCARD 2 a b LIMIT 5", new[] { 2, 3 })]
    [InlineData("ZINTERCARD 1 a", new[] { 2 })]
    [InlineData("LMPOP 2 a b LEFT COUNT 2", new[] { 2, 3 })]
    [InlineData("ZMPOP 1 a MIN", new[] { 2 })]
    [InlineData("BLMPOP 0.5 2 a b RIGHT", new[] { 3, 4 })]
    [InlineData("BZMPOP 1 3 a b c MAX COUNT 2", new[] { 3, 4, 5 })]
    [InlineData("XREAD COUNT 2 STREAMS a b 0 0", new[] { 4, 5 })]
    [InlineData("XREAD BLOCK 0 STREAMS s $", new[] { 4 })]
    [InlineData("xread streams a b c 1 2 3", new[] { 2, 3, 4 })]
    [InlineData("XREADGROUP GROUP g c COUNT 1 STREAMS a b > >", new[] { 7, 8 })]
    [InlineData("XREADGROUP GROUP g c STREAMS s >", new[] { 5 })]
    [InlineData("SORT k", new[] { 1 })]
    [InlineData("SORT k BY w_* LIMIT 0 10 GET # GET o_* ALPHA STORE dst", new[] { 1, 13 })]
    [InlineData("SORT k STORE d1 STORE d2", new[] { 1, 5 })]
    [InlineData("SORT k GET store DESC", new[] { 1 })]
    [InlineData("SORT k LIMIT store store", new[] { 1 })]
    [InlineData("sort k store dst", new[] { 1, 3 })]
    [InlineData("SORT_RO k BY x GET y", new[] { 1 })]
    [InlineData("GEORADIUS k 15 37 200 km STORE dst", new[] { 1, 7 })]
    [InlineData("GEORADIUS k 15 37 200 km WITHDIST STOREDIST dst", new[] { 1, 8 })]
    [InlineData("GEORADIUS k 15 37 200 km ASC", new[] { 1 })]
    [InlineData("GEORADIUSBYMEMBER k m 100 km STORE dst", new[] { 1, 6 })]
    [InlineData("GEORADIUSBYMEMBER k m 100 km COUNT 5 STOREDIST dst", new[] { 1, 8 })]
    [InlineData("GEOSEARCHSTORE dst src FROMMEMBER m BYRADIUS 10 km", new[] { 1, 2 })]
    [InlineData("MIGRATE host 6379 key 0 5000", new[] { 3 })]
    [InlineData("MIGRATE host 6379 key 0 5000 COPY REPLACE", new[] { 3 })]
    [InlineData("MIGRATE host 6379 \"\" 0 5000 COPY REPLACE KEYS a b c", new[] { 9, 10, 11 })]
    [InlineData("MIGRATE host 6379 \"\" 0 5000 AUTH KEYS KEYS a", new[] { 9 })]
    [InlineData("MIGRATE host 6379 \"\" 0 5000 AUTH2 KEYS KEYS KEYS k", new[] { 10 })]
    [InlineData("OBJECT ENCODING k", new[] { 2 })]
    [InlineData("object freq k", new[] { 2 })]
    [InlineData("MEMORY USAGE k SAMPLES 5", new[] { 2 })]
    [InlineData("BITOP AND dst a b", new[] { 2, 3, 4 })]
    [InlineData("BITOP NOT dst a", new[] { 2, 3 })]
    [InlineData("LMOVE src dst LEFT RIGHT", new[] { 1, 2 })]
    [InlineData("BLMOVE src dst LEFT RIGHT 0", new[] { 1, 2 })]
    [InlineData("RPOPLPUSH src dst", new[] { 1, 2 })]
    [InlineData("RENAME a b", new[] { 1, 2 })]
    [InlineData("COPY a b DB 1 REPLACE", new[] { 1, 2 })]
    [InlineData("SMOVE a b member", new[] { 1, 2 })]
    [InlineData("PFCOUNT a b c", new[] { 1, 2, 3 })]
    [InlineData("PFMERGE dst a b", new[] { 1, 2, 3 })]
    [InlineData("XGROUP CREATE s g $ MKSTREAM", new[] { 2 })]
    [InlineData("XINFO STREAM s FULL", new[] { 2 })]
    [InlineData("WATCH a b", new[] { 1, 2 })]
    [InlineData("BLPOP a b 0", new[] { 1, 2 })]
    [InlineData("BRPOP a 1.5", new[] { 1 })]
    [InlineData("BZPOPMIN a b c 0", new[] { 1, 2, 3 })]
    [InlineData("ZRANGESTORE dst src 0 -1", new[] { 1, 2 })]
    [InlineData("PING", new int[0])]
    [InlineData("CONFIG GET maxmemory", new int[0])]
    [InlineData("SPUBLISH channel message", new int[0])]
    public void GetKeyIndexes_CommandLine_ReturnsKeyPositions(string line, int[] expected)
    {
        var request = CommandLine.Request(line);
        var info = CommandTable.Resolve(request);
        Assert.NotNull(info);
        var keys = new List<int>();

        KeyExtractor.GetKeyIndexes(info, request, keys);

        Assert.Equal(expected, keys);
    }

    [Theory]
    [InlineData("SPUBLISH channel message", new[] { 1 })]
    [InlineData("SSUBSCRIBE a b c", new[] { 1, 2, 3 })]
    [InlineData("SUNSUBSCRIBE a", new[] { 1 })]
    [InlineData("GET k", new[] { 1 })]
    public void GetKeyIndexes_IncludeNotKeys_ReturnsShardChannels(string line, int[] expected)
    {
        var request = CommandLine.Request(line);
        var keys = new List<int>();

        KeyExtractor.GetKeyIndexes(CommandTable.Resolve(request)!, request, keys, includeNotKeys: true);

        Assert.Equal(expected, keys);
    }

    [Fact]
    public void GetKeyIndexes_ExistingEntries_AppendsWithoutClearing()
    {
        var request = CommandLine.Request("MGET a b");
        var keys = new List<int> { 42 };

        KeyExtractor.GetKeyIndexes(CommandTable.Resolve(request)!, request, keys);

        Assert.Equal([42, 1, 2], keys);
    }

    [Theory]
    [InlineData("GET k", 1, KeySpecFlags.ReadOnly | KeySpecFlags.Access)]
    [InlineData("SET k v", 1, KeySpecFlags.Overwrite | KeySpecFlags.Update)]
    [InlineData("SET k v GET", 1, KeySpecFlags.ReadWrite | KeySpecFlags.Access | KeySpecFlags.Update)]
    [InlineData("SET k get", 1, KeySpecFlags.Overwrite | KeySpecFlags.Update)]
    [InlineData("BITFIELD k GET u8 0 OVERFLOW SAT", 1, KeySpecFlags.ReadOnly | KeySpecFlags.Access)]
    [InlineData("BITFIELD k GET u8 0 SET u8 0 1", 1, KeySpecFlags.ReadWrite | KeySpecFlags.Access | KeySpecFlags.Update)]
    [InlineData("DEL k", 1, KeySpecFlags.Remove | KeySpecFlags.Delete)]
    [InlineData("LMOVE a b LEFT LEFT", 2, KeySpecFlags.ReadWrite | KeySpecFlags.Insert)]
    [InlineData("SORT k STORE d", 3, KeySpecFlags.Overwrite | KeySpecFlags.Update)]
    [InlineData("MIGRATE h 1 \"\" 0 5 KEYS a", 7, KeySpecFlags.ReadWrite | KeySpecFlags.Access | KeySpecFlags.Delete)]
    public void GetKeys_CommandLine_ReportsHowKeyIsUsed(string line, int index, KeySpecFlags expected)
    {
        var request = CommandLine.Request(line);
        var keys = new List<KeyReference>();

        KeyExtractor.GetKeys(CommandTable.Resolve(request)!, request, keys);

        Assert.Contains(new KeyReference(index, expected), keys);
    }
}
