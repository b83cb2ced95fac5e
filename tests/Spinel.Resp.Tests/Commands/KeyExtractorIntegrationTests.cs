using System.Buffers;
using System.Text;
using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Commands;

[Trait("Category", "Integration")]
public class KeyExtractorIntegrationTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    public static TheoryData<string> CommandLines =>
    [
        "GET k",
        "SET k v EX 10",
        "SET k v GET",
        "MSET a 1 b 2 c 3",
        "MGET a b c",
        "DEL a b c",
        "EVAL s 2 k1 k2 x",
        "EVALSHA 0123456789012345678901234567890123456789 1 k",
        "FCALL f 2 a b x",
        "FCALL_RO f 1 a",
        "ZUNIONSTORE dst 2 a b WEIGHTS 1 2",
        "ZINTERSTORE dst 2 a b",
        "ZUNION 2 a b",
        "ZINTER 2 a b WITHSCORES",
        "ZDIFF 2 a b",
        "ZDIFFSTORE dst 2 a b",
        "SINTERCARD 2 a b LIMIT 1",
        "LMPOP 2 a b LEFT",
        "ZMPOP 1 a MIN COUNT 2",
        "BLMPOP 0 2 a b RIGHT",
        "BZMPOP 0 2 a b MAX",
        "XREAD COUNT 2 STREAMS a b 0 0",
        "XREAD BLOCK 0 STREAMS streams $",
        "XREADGROUP GROUP g c STREAMS a b > >",
        "SORT k BY w_* LIMIT 0 10 GET # STORE dst",
        "SORT k",
        "SORT k GET store ALPHA",
        "SORT_RO k BY x GET y",
        "GEORADIUS k 15 37 200 km STORE dst",
        "GEORADIUS k 15 37 200 km WITHDIST STOREDIST dst",
        "GEORADIUSBYMEMBER k m 100 km STORE dst",
        "GEORADIUS_RO k 15 37 200 km",
        "GEOSEARCHSTORE dst src FROMMEMBER m BYRADIUS 10 km",
        "GEOSEARCH k FROMMEMBER m BYRADIUS 1 km",
        "MIGRATE h 6379 k 0 5000",
        "MIGRATE h 6379 \"\" 0 5000 COPY KEYS a b c",
        "MIGRATE h 6379 \"\" 0 5000 AUTH KEYS KEYS a",
        "MIGRATE h 6379 \"\" 0 5000 AUTH2 u KEYS KEYS a b",
        "OBJECT ENCODING k",
        "OBJECT FREQ k",
        "MEMORY USAGE k SAMPLES 5",
        "BITOP AND dst a b",
        "BITFIELD k GET u8 0",
        "BITFIELD k GET u8 0 INCRBY u8 0 1",
        "BITFIELD_RO k GET u8 0",
        "LMOVE a b LEFT RIGHT",
        "BLMOVE a b LEFT RIGHT 0",
        "RENAME a b",
        "COPY a b REPLACE",
        "SMOVE a b m",
        "PFCOUNT a b",
        "PFMERGE dst a b",
        "XGROUP CREATE s g $ MKSTREAM",
        "XINFO STREAM s",
        "WATCH a b",
        "BLPOP a b 0",
        "BRPOPLPUSH a b 0",
        "XADD s * f v",
        "XAUTOCLAIM s g c 0 0",
        "XCLAIM s g c 0 1-1",
        "ZRANGESTORE dst src 0 -1",
        "HSET h f v f2 v2",
        "TOUCH a b",
        "EXISTS a b",
        "LCS a b",
        "RESTORE k 0 payload",
        "SUNIONSTORE dst a b",
        "SETRANGE k 0 v",
        "EVAL s 0",
    ];

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void GetKeyIndexes_CommandLine_MatchesServerGetKeys(string line)
    {
        using var connection = fixture.Server.Connect();
        var args = CommandLine.Split(line);
        var serverKeys = RespTestValue.ParseStrings(connection.CallRaw(["COMMAND", "GETKEYS", .. args]));
        var request = CommandLine.Request(line);
        var indexes = new List<int>();

        KeyExtractor.GetKeyIndexes(CommandTable.Resolve(request)!, request, indexes);

        Assert.Equal(serverKeys, indexes.Select(i => args[i]));
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    [InlineData("nosuch a")]
    [InlineData("ping x")]
    [InlineData("spublish c m")]
    [InlineData("get a b")]
    [InlineData("object nosuch k")]
    [InlineData("zunion 0 a")]
    [InlineData("eval s 5 a b")]
    [InlineData("xread streams a")]
    public void WriteGetKeys_CommandLine_MatchesServerBytes(string line)
    {
        using var connection = fixture.Server.Connect();
        string[] getKeys = ["COMMAND", "GETKEYS", .. CommandLine.Split(line)];
        string[] getKeysAndFlags = ["COMMAND", "GETKEYSANDFLAGS", .. CommandLine.Split(line)];

        Assert.Equal(Text(connection.CallRaw(getKeys)), Ours(getKeys, 2));
        Assert.Equal(Text(connection.CallRaw(getKeysAndFlags)), Ours(getKeysAndFlags, 2));
    }

    [Fact]
    public void WriteGetKeysAndFlags_Resp3_MatchesServerBytes()
    {
        using var connection = fixture.Server.Connect();
        connection.Call("HELLO", "3");
        string[] command = ["COMMAND", "GETKEYSANDFLAGS", "LMOVE", "a", "b", "LEFT", "RIGHT"];

        Assert.Equal(Text(connection.CallRaw(command)), Ours(command, 3));
    }

    private static string Ours(string[] args, int protocol)
    {
        var buffer = new ArrayBufferWriter<byte>();
        CommandReplyWriter.Write(Spinel.Resp.Framing.RespRequest.FromArgs(args), buffer, protocol);
        return Text(buffer.WrittenSpan.ToArray());
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
