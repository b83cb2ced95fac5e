using Spinel.Api.Validation;

namespace Spinel.Api.Tests.Validation;

public sealed class AclSyntaxTests
{
    [Theory]
    [InlineData("+@all ~*")]
    [InlineData("+@read -@dangerous +set ~app:* %R~shared:* %W~log:* %RW~rw:* resetchannels &chan:*")]
    [InlineData("+client|kill -config|set")]
    [InlineData("allkeys allcommands allchannels")]
    [InlineData("nocommands resetkeys resetchannels +get ~k")]
    [InlineData("+@READ ALLKEYS")]
    public void TryValidate_PermissionRules_Pass(string acl)
    {
        Assert.True(AclSyntax.TryValidate(acl, out var error), error);
    }

    [Theory]
    [InlineData("on +@all ~*", "'on'")]
    [InlineData("+@all off", "'off'")]
    [InlineData(">secret +@all", "'>secret'")]
    [InlineData("<secret", "'<secret'")]
    [InlineData("nopass", "'nopass'")]
    [InlineData("#5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "'#5e88")]
    [InlineData("!5e88", "'!5e88'")]
    [InlineData("reset +@all", "'reset'")]
    [InlineData("resetpass", "'resetpass'")]
    [InlineData("+get (+set ~k)", "'(+set'")]
    [InlineData("clearselectors", "'clearselectors'")]
    [InlineData("+@nosuchcategory", "'+@nosuchcategory'")]
    [InlineData("+", "'+'")]
    [InlineData("+get|", "'+get|'")]
    [InlineData("+get|a|b", "'+get|a|b'")]
    [InlineData("&", "'&'")]
    [InlineData("%X~k", "'%X~k'")]
    [InlineData("%RR~k", "'%RR~k'")]
    [InlineData("%~k", "'%~k'")]
    [InlineData("get", "'get'")]
    [InlineData("+json.get", "'+json.get'")]
    [InlineData("&chan:*", "'&chan:*'")]
    [InlineData("", "no rules")]
    [InlineData("  \t ", "no rules")]
    public void TryValidate_UserRulesAndGarbage_FailNamingTheToken(string acl, string named)
    {
        Assert.False(AclSyntax.TryValidate(acl, out var error));
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
