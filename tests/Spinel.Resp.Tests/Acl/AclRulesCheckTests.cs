using System.Text;
using Spinel.Resp.Acl;
using Spinel.Resp.Commands;
using Spinel.Resp.Tests.Commands;

namespace Spinel.Resp.Tests.Acl;

public class AclRulesCheckTests
{
    private const string DeniedKey = "NOPERM this user has no permissions to access one of the keys used as arguments";
    private const string DeniedChannel = "NOPERM this user has no permissions to access one of the channels used as arguments";

    [Theory]
    [InlineData("+get ~app:*", "GET app:1", null)]
    [InlineData("+get ~app:*", "get APP:1", DeniedKey)]
    [InlineData("+get ~app:*", "SET app:1 v", "NOPERM this user has no permissions to run the 'set' command")]
    [InlineData("+@read ~*", "CONFIG GET maxmemory", "NOPERM this user has no permissions to run the 'config|get' command")]
    [InlineData("+config|get", "config get maxmemory", null)]
    [InlineData("+config -config|set", "CONFIG SET a b", "NOPERM this user has no permissions to run the 'config|set' command")]
    [InlineData("+config -config|set", "CONFIG GET a", null)]
    [InlineData("+select|0", "SELECT 0", null)]
    [InlineData("+select|0", "SELECT 1", "NOPERM this user has no permissions to run the 'select' command")]
    [InlineData("+@all %R~ro:* %W~wo:*", "COPY ro:1 wo:1", null)]
    [InlineData("+@all %R~ro:* %W~wo:*", "COPY wo:1 ro:1", DeniedKey)]
    [InlineData("+@all %W~wo:*", "EXISTS wo:1", null)]
    [InlineData("+@all %W~wo:*", "SET wo:1 v GET", DeniedKey)]
    [InlineData("+@all %W~wo:*", "SET wo:1 v", null)]
    [InlineData("+@all %R~ro:*", "SORT ro:l STORE ro:d", DeniedKey)]
    [InlineData("+@all ~app:*", "EVAL s 2 app:1 other", DeniedKey)]
    [InlineData("+@all ~app:*", "EVAL s 0", null)]
    [InlineData("+@all ~app:*", "MGET app:1", null)]
    [InlineData("+get", "AUTH u p", null)]
    [InlineData("+get", "GET", null)]
    [InlineData("+get", "OBJECT NOSUCH k", null)]
    [InlineData("+@all resetchannels &chan:*", "PUBLISH chan:1 m", null)]
    [InlineData("+@all resetchannels &chan:*", "PUBLISH other m", DeniedChannel)]
    [InlineData("+@all resetchannels &chan:*", "SUBSCRIBE chan:1 other", DeniedChannel)]
    [InlineData("+@all resetchannels &chan:*", "PSUBSCRIBE chan:*", null)]
    [InlineData("+@all resetchannels &chan:*", "PSUBSCRIBE chan:1", DeniedChannel)]
    [InlineData("+@all resetchannels &chan:*", "SSUBSCRIBE chan:1", null)]
    [InlineData("+@all resetchannels", "UNSUBSCRIBE chan:1", null)]
    [InlineData("+@all resetchannels", "PUBSUB NUMSUB chan:1", null)]
    public void Check_Request_AnswersLikeRedis(string rules, string line, string? expected)
    {
        var request = CommandLine.Request(line);

        Assert.Equal(expected, AclRules.Parse(rules).Check(CommandTable.Resolve(request)!, request));
    }

    [Fact]
    public void Check_FullAccess_AllowsEverythingInTable()
    {
        var request = CommandLine.Request("FLUSHALL");

        Assert.Null(AclRules.FullAccess.Check(CommandTable.Resolve(request)!, request));
    }

    [Fact]
    public void Check_LongKey_MatchesBeyondStackBuffer()
    {
        var key = "app:" + new string('x', 5000);
        var request = Spinel.Resp.Framing.RespRequest.FromArgs("GET", key);

        Assert.Null(AclRules.Parse("+get ~app:*").Check(CommandTable.Resolve(request)!, request));
    }

    [Theory]
    [InlineData("chan:1", false, true)]
    [InlineData("chan:*", true, true)]
    [InlineData("chan:1", true, false)]
    [InlineData("other", false, false)]
    public void CanAccessChannel_PatternMustBeGrantedLiterally(string channel, bool isPattern, bool expected) =>
        Assert.Equal(expected, AclRules.Parse("resetchannels &chan:*").CanAccessChannel(Encoding.UTF8.GetBytes(channel), isPattern));

    [Fact]
    public void Check_AllowedRequests_DoNotAllocate()
    {
        var rules = AclRules.Parse("+@all -@dangerous %R~ro:* ~app:* %W~wo:* resetchannels &chan:*");
        var requests = new[]
        {
            CommandLine.Request("GET app:1"),
            CommandLine.Request("MGET ro:1 app:2"),
            CommandLine.Request("COPY ro:1 wo:1"),
            CommandLine.Request("OBJECT ENCODING app:1"),
            CommandLine.Request("PUBLISH chan:1 m"),
            CommandLine.Request("SUBSCRIBE chan:1 chan:2"),
            CommandLine.Request("EVAL s 2 app:1 app:2"),
        };
        Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Run()
        {
            foreach (var request in requests)
            {
                Assert.Null(rules.Check(CommandTable.Resolve(request)!, request));
            }
        }
    }
}
