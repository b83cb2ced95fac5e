using System.Buffers;
using System.Text;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Commands;

[Trait("Category", "Integration")]
public class CommandTableIntegrationTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    // Written from redis's flag names, independently of the table code's own mapping.
    private static readonly Dictionary<string, CommandFlags> FlagsByName = new()
    {
        ["write"] = CommandFlags.Write, ["readonly"] = CommandFlags.ReadOnly, ["denyoom"] = CommandFlags.DenyOom,
        ["module"] = CommandFlags.Module, ["admin"] = CommandFlags.Admin, ["pubsub"] = CommandFlags.PubSub,
        ["noscript"] = CommandFlags.NoScript, ["blocking"] = CommandFlags.Blocking, ["loading"] = CommandFlags.Loading,
        ["stale"] = CommandFlags.Stale, ["skip_monitor"] = CommandFlags.SkipMonitor, ["skip_slowlog"] = CommandFlags.SkipSlowlog,
        ["asking"] = CommandFlags.Asking, ["fast"] = CommandFlags.Fast, ["no_auth"] = CommandFlags.NoAuth,
        ["no_mandatory_keys"] = CommandFlags.NoMandatoryKeys, ["no_async_loading"] = CommandFlags.NoAsyncLoading,
        ["no_multi"] = CommandFlags.NoMulti, ["movablekeys"] = CommandFlags.MovableKeys, ["allow_busy"] = CommandFlags.AllowBusy,
    };

    [Fact]
    public void All_Count_MatchesServerCommandCount()
    {
        using var connection = fixture.Server.Connect();

        Assert.Equal((long)connection.Call("COMMAND", "COUNT")!, CommandTable.All.Count);
    }

    [Fact]
    public void RedisVersion_MatchesServer()
    {
        using var connection = fixture.Server.Connect();
        var info = (string)connection.Call("INFO", "server")!;

        Assert.Contains("redis_version:" + CommandTable.RedisVersion + "\r\n", info, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("set")]
    [InlineData("mset")]
    [InlineData("eval")]
    [InlineData("xread")]
    [InlineData("blpop")]
    [InlineData("subscribe")]
    [InlineData("sort")]
    [InlineData("migrate")]
    [InlineData("georadius")]
    [InlineData("multi")]
    [InlineData("auth")]
    [InlineData("object|encoding")]
    [InlineData("config|get")]
    [InlineData("client|setname")]
    [InlineData("xinfo|stream")]
    [InlineData("memory|usage")]
    [InlineData("cluster|keyslot")]
    public void Get_SampleCommand_ArityAndFlagsMatchServerInfo(string name)
    {
        using var connection = fixture.Server.Connect();
        var reply = (RespTestArray)connection.Call("COMMAND", "INFO", name)!;
        var entry = (RespTestArray)reply.Items[0]!;
        var serverFlags = ((RespTestArray)entry.Items[2]!).Items.Cast<string>()
            .Aggregate(CommandFlags.None, (all, f) => all | FlagsByName[f]);

        Assert.True(CommandTable.TryGet(name, out var info));
        Assert.Equal((long)entry.Items[1]!, info.Arity);
        Assert.Equal(serverFlags, info.Flags);
        Assert.Equal((long)entry.Items[3]!, info.FirstKey);
        Assert.Equal((long)entry.Items[4]!, info.LastKey);
        Assert.Equal((long)entry.Items[5]!, info.Step);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void WriteCommandInfo_EveryCommandAndSubcommand_MatchesServerReply(int protocol)
    {
        using var connection = fixture.Server.Connect();
        if (protocol == 3)
        {
            connection.Call("HELLO", "3");
        }
        var differences = new List<string>();

        foreach (var info in CommandTable.All.SelectMany(c => c.Subcommands.Prepend(c)))
        {
            var expected = Canonical(connection.CallRaw("COMMAND", "INFO", info.Name));
            var actual = Canonical(Ours(protocol, "COMMAND", "INFO", info.Name));
            if (expected != actual)
            {
                differences.Add(info.Name + "\n  redis: " + expected + "\n  ours:  " + actual);
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("COMMAND COUNT")]
    [InlineData("COMMAND FOO")]
    [InlineData("COMMAND COUNT x")]
    [InlineData("COMMAND INFO nosuch get|x GET")]
    [InlineData("COMMAND LIST x")]
    [InlineData("COMMAND LIST FILTERBY nosuch x")]
    [InlineData("COMMAND LIST FILTERBY MODULE x")]
    [InlineData("COMMAND DOCS nosuch")]
    public void Write_Request_MatchesServerBytes(string line)
    {
        using var connection = fixture.Server.Connect();
        var args = CommandLine.Split(line);

        Assert.Equal(Encoding.UTF8.GetString(connection.CallRaw(args)), Encoding.UTF8.GetString(Ours(2, args)));
    }

    [Theory]
    [InlineData("COMMAND LIST")]
    [InlineData("COMMAND LIST FILTERBY ACLCAT geo")]
    [InlineData("COMMAND LIST FILTERBY ACLCAT SCRIPTING")]
    [InlineData("COMMAND LIST FILTERBY PATTERN *store*")]
    [InlineData("COMMAND LIST FILTERBY PATTERN config|*")]
    [InlineData("COMMAND LIST FILTERBY PATTERN [xz]*r?n*")]
    public void WriteList_Filter_ReturnsServerNames(string line)
    {
        using var connection = fixture.Server.Connect();
        var args = CommandLine.Split(line);

        var expected = RespTestValue.ParseStrings(connection.CallRaw(args)).Order(StringComparer.Ordinal);
        var actual = RespTestValue.ParseStrings(Ours(2, args)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void WriteDocs_AllCommands_NamesMatchServer()
    {
        using var connection = fixture.Server.Connect();

        var expected = DocNames(connection.CallRaw("COMMAND", "DOCS"));
        var actual = DocNames(Ours(2, "COMMAND", "DOCS"));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void WriteAll_Resp2_ContainsEveryServerCommand()
    {
        using var connection = fixture.Server.Connect();

        var expected = Names(connection.CallRaw("COMMAND"));
        var actual = Names(Ours(2, "COMMAND"));

        Assert.Equal(expected, actual);
    }

    private static byte[] Ours(int protocol, params string[] args)
    {
        var buffer = new ArrayBufferWriter<byte>();
        CommandReplyWriter.Write(RespRequest.FromArgs(args), buffer, protocol);
        return buffer.WrittenSpan.ToArray();
    }

    // Redis lists subcommands in hash-table order, which changes from run to run; sort them before comparing.
    private static string Canonical(byte[] reply)
    {
        var root = RespNode.Parse(reply);
        foreach (var entry in root.Children)
        {
            if (entry.Children.Count == 10 && entry.Children[9].Type == '*')
            {
                entry.Children[9].Children.Sort((a, b) => string.CompareOrdinal(a.Children[0].Text, b.Children[0].Text));
            }
        }
        return root.ToString();
    }

    private static List<string> DocNames(byte[] reply)
    {
        var items = ((RespTestArray)RespTestValue.Parse(reply)!).Items;
        return items.Where((_, i) => i % 2 == 0).Cast<string>().Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Names(byte[] reply) =>
        RespNode.Parse(reply).Children.Select(c => c.Children[0].Text).Order(StringComparer.Ordinal).ToList();
}
