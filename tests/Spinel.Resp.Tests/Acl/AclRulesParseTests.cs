using Spinel.Resp.Acl;

namespace Spinel.Resp.Tests.Acl;

public class AclRulesParseTests
{
    [Theory]
    [InlineData("+get ~app:* %R~ro:* %W~wo:* resetchannels &chan:*")]
    [InlineData("  +@read\t+set  ")]
    [InlineData("")]
    [InlineData("+select|0 +config|get +CLIENT|LIST")]
    [InlineData("%r~x %wr~y %R %W~")]
    public void TryParse_ValidRules_Succeeds(string text)
    {
        Assert.True(AclRules.TryParse(text, out var rules, out var error), error);
        Assert.NotNull(rules);
    }

    [Theory]
    [InlineData("+get +nosuchcmd", "+nosuchcmd", "Unknown command or category name in ACL")]
    [InlineData("-@nosuch", "-@nosuch", "Unknown command or category name in ACL")]
    [InlineData("+config|nosuch", "+config|nosuch", "Unknown command or category name in ACL")]
    [InlineData("-select|0", "-select|0", "Unknown command or category name in ACL")]
    [InlineData("+config|get|x", "+config|get|x", "Allowing first-arg of a subcommand is not supported")]
    [InlineData("+select|", "+select|", "Syntax error")]
    [InlineData("%X~a", "%X~a", "Syntax error")]
    [InlineData("@read", "@read", "Syntax error")]
    [InlineData(
        "allkeys ~app:*",
        "~app:*",
        "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns")]
    [InlineData(
        "+get &chan:*",
        "&chan:*",
        "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels")]
    public void TryParse_BadRule_NamesTokenWithRedisReason(string text, string token, string reason)
    {
        Assert.False(AclRules.TryParse(text, out var rules, out var error));
        Assert.Null(rules);
        Assert.Equal($"Error in ACL SETUSER modifier '{token}': {reason}", error);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("OFF")]
    [InlineData("nopass")]
    [InlineData(">secret")]
    [InlineData("<secret")]
    [InlineData("#5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8")]
    [InlineData("!5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8")]
    [InlineData("resetpass")]
    [InlineData("reset")]
    [InlineData("(+get")]
    [InlineData("(+get)")]
    [InlineData("clearselectors")]
    public void TryParse_UserLevelRuleOrSelector_Refused(string token)
    {
        Assert.False(AclRules.TryParse("+@all " + token, out _, out var error));
        Assert.StartsWith($"Error in ACL SETUSER modifier '{token}': ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_KeyPatternWithoutPermissions_Refused()
    {
        // Redis takes %~x, then panics when it describes the user.
        Assert.False(AclRules.TryParse("%~x", out _, out var error));
        Assert.StartsWith("Error in ACL SETUSER modifier '%~x': Syntax error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => AclRules.Parse("+nosuch"));

    [Fact]
    public void KeyPatterns_SamePatternTwice_MergesPermissionsInPlace()
    {
        var rules = AclRules.Parse("%R~a ~b %W~a");

        Assert.Equal(["~a", "~b"], rules.KeyPatterns);
    }

    [Fact]
    public void Describe_DefaultUser_HasAllChannelsAndNoCommands()
    {
        var rules = AclRules.Parse("");

        Assert.Equal("&* -@all", rules.Describe());
        Assert.Empty(rules.KeyPatterns);
        Assert.Equal(["&*"], rules.ChannelPatterns);
        Assert.True(rules.AllChannels);
        Assert.False(rules.AllKeys);
    }

    [Theory]
    [InlineData("+@all ~* &*", "~* &* +@all")]
    [InlineData("+get %R~ro:* resetchannels &chan:*", "%R~ro:* resetchannels &chan:* -@all +get")]
    [InlineData("+@all -config|set allkeys", "~* &* +@all -config|set")]
    [InlineData("+config|get +select|0", "&* -@all +config|get +select|0")]
    [InlineData("allcommands nocommands +@read", "&* -@all +@read")]
    public void Describe_MatchesRedisAclListForm(string text, string expected) =>
        Assert.Equal(expected, AclRules.Parse(text).Describe());

    [Fact]
    public void FullAccess_DescribesAsEverything()
    {
        Assert.Equal("~* &* +@all", AclRules.FullAccess.Describe());
        Assert.True(AclRules.FullAccess.AllKeys);
    }
}
