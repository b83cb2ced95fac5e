using System.Buffers;
using System.Text;
using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Commands;

public class CommandReplyWriterTests
{
    [Theory]
    [InlineData("COMMAND GETKEYS nosuch a", "-ERR Invalid command specified\r\n")]
    [InlineData("COMMAND GETKEYS object nosuch k", "-ERR Invalid command specified\r\n")]
    [InlineData("COMMAND GETKEYS object|encoding k", "-ERR Invalid command specified\r\n")]
    [InlineData("COMMAND GETKEYS ping x", "-ERR The command has no key arguments\r\n")]
    [InlineData("COMMAND GETKEYS spublish c m", "-ERR The command has no key arguments\r\n")]
    [InlineData("COMMAND GETKEYS get a b", "-ERR Invalid number of arguments specified for command\r\n")]
    [InlineData("COMMAND GETKEYS zunion 0 a", "-ERR Invalid arguments specified for command\r\n")]
    [InlineData("COMMAND GETKEYS get", "-ERR wrong number of arguments for 'command|getkeys' command\r\n")]
    [InlineData("COMMAND GETKEYS eval s 0", "*0\r\n")]
    [InlineData("COMMAND GETKEYS get k", "*1\r\n$1\r\nk\r\n")]
    [InlineData("COMMAND GETKEYS mset a 1 bb 2", "*2\r\n$1\r\na\r\n$2\r\nbb\r\n")]
    [InlineData("COMMAND GETKEYS OBJECT ENCODING k", "*1\r\n$1\r\nk\r\n")]
    [InlineData("COMMAND GETKEYSANDFLAGS lmove a b left left", "*2\r\n*2\r\n$1\r\na\r\n*3\r\n+RW\r\n+access\r\n+delete\r\n*2\r\n$1\r\nb\r\n*2\r\n+RW\r\n+insert\r\n")]
    [InlineData("COMMAND FOO", "-ERR unknown subcommand 'FOO'. Try COMMAND HELP.\r\n")]
    [InlineData("COMMAND COUNT x", "-ERR wrong number of arguments for 'command|count' command\r\n")]
    [InlineData("COMMAND INFO nosuch", "*1\r\n$-1\r\n")]
    [InlineData("COMMAND LIST x", "-ERR syntax error\r\n")]
    [InlineData("COMMAND LIST FILTERBY bad x", "-ERR syntax error\r\n")]
    [InlineData("COMMAND LIST FILTERBY MODULE x", "*0\r\n")]
    [InlineData("COMMAND LIST FILTERBY ACLCAT nosuch", "*0\r\n")]
    [InlineData("COMMAND LIST FILTERBY PATTERN xa*", "*3\r\n$4\r\nxack\r\n$4\r\nxadd\r\n$10\r\nxautoclaim\r\n")]
    [InlineData("COMMAND DOCS get nosuch", "*2\r\n$3\r\nget\r\n*0\r\n")]
    public void Write_Resp2Request_WritesRedisReply(string line, string expected)
    {
        Assert.Equal(expected, Reply(line, protocol: 2));
    }

    [Theory]
    [InlineData("COMMAND INFO nosuch", "*1\r\n_\r\n")]
    [InlineData("COMMAND DOCS get", "%1\r\n$3\r\nget\r\n%0\r\n")]
    [InlineData("COMMAND GETKEYSANDFLAGS get k", "*1\r\n*2\r\n$1\r\nk\r\n~2\r\n+RO\r\n+access\r\n")]
    public void Write_Resp3Request_UsesSetsAndMaps(string line, string expected)
    {
        Assert.Equal(expected, Reply(line, protocol: 3));
    }

    [Fact]
    public void Write_CommandCount_WritesNumberOfTopLevelCommands()
    {
        Assert.Equal(":" + CommandTable.All.Count + "\r\n", Reply("COMMAND COUNT", 2));
    }

    [Fact]
    public void Write_InfoGet_WritesTenFieldEntry()
    {
        const string expected =
            "*1\r\n*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@read\r\n+@string\r\n+@fast\r\n*0\r\n"
            + "*1\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n"
            + "$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n"
            + "$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n"
            + "*0\r\n";

        Assert.Equal(expected, Reply("COMMAND INFO get", 2));
    }

    [Fact]
    public void Write_ListWithoutFilter_ListsCommandsAndSubcommands()
    {
        var names = RespTestValue.ParseStrings(Encoding.UTF8.GetBytes(Reply("COMMAND LIST", 2)));

        Assert.Contains("get", names);
        Assert.Contains("config|get", names);
        Assert.Equal(CommandTable.All.Sum(c => 1 + c.Subcommands.Count), names.Count);
    }

    [Fact]
    public void Write_Help_WritesStatusLines()
    {
        var help = Assert.IsType<RespTestArray>(RespTestValue.Parse(Encoding.UTF8.GetBytes(Reply("COMMAND HELP", 2))));

        Assert.Contains(help.Items, l => l is string s && s.StartsWith("GETKEYS", StringComparison.Ordinal));
    }

    private static string Reply(string line, int protocol)
    {
        var buffer = new ArrayBufferWriter<byte>();
        CommandReplyWriter.Write(CommandLine.Request(line), buffer, protocol);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
