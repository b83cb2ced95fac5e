using System.Text;
using Spinel.NodeAgent.Processes;

namespace Spinel.NodeAgent.Tests.Processes;

public class RespReplyTests
{
    [Fact]
    public void Parse_SimpleErrorInteger_DecodesEach()
    {
        Assert.Equal(new RespReply(RespReplyKind.SimpleString, "PONG"), Parse("+PONG\r\n"));
        Assert.Equal(new RespReply(RespReplyKind.Error, "ERR nope"), Parse("-ERR nope\r\n"));
        Assert.Equal(42, Parse(":42\r\n").Integer);
        Assert.Equal(RespReplyKind.Null, Parse("$-1\r\n").Kind);
    }

    [Fact]
    public void Parse_ArrayOfBulkStrings_DecodesItems()
    {
        var reply = Parse("*2\r\n$9\r\nmaxmemory\r\n$4\r\n1024\r\n");

        Assert.Equal(RespReplyKind.Array, reply.Kind);
        Assert.Equal(["maxmemory", "1024"], reply.Items!.Select(i => i.Text));
    }

    [Fact]
    public void ReadProcessId_InfoServerText_FindsPid()
    {
        const string info = "# Server\r\nredis_version:7.0.15\r\nprocess_id:4242\r\ntcp_port:21000\r\n";

        Assert.Equal(4242, ShardProcess.ReadProcessId(info));
        Assert.Null(ShardProcess.ReadProcessId("# Server\r\n"));
    }

    private static RespReply Parse(string frame) => RespReply.Parse(Encoding.UTF8.GetBytes(frame));
}
