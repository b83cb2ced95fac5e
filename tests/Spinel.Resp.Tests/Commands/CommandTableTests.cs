using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Commands;

public class CommandTableTests
{
    [Theory]
    [InlineData("get", "get")]
    [InlineData("GET", "get")]
    [InlineData("gEt", "get")]
    [InlineData("object|encoding", "object|encoding")]
    [InlineData("CONFIG|GET", "config|get")]
    [InlineData("georadiusbymember_ro", "georadiusbymember_ro")]
    public void TryGet_KnownName_FindsCommandIgnoringCase(string name, string expected)
    {
        Assert.True(CommandTable.TryGet(System.Text.Encoding.UTF8.GetBytes(name), out var info));
        Assert.Equal(expected, info.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nosuch")]
    [InlineData("get|x")]
    [InlineData("object|")]
    [InlineData("ge")]
    [InlineData("gett")]
    [InlineData("a-name-far-longer-than-any-redis-command-could-ever-be-so-it-overflows-the-buffer")]
    public void TryGet_UnknownName_ReturnsFalse(string name)
    {
        Assert.False(CommandTable.TryGet(System.Text.Encoding.UTF8.GetBytes(name), out _));
    }

    [Fact]
    public void TryGet_NonAsciiBytes_ReturnsFalse()
    {
        Assert.False(CommandTable.TryGet([0xC7, 0x45, 0x54], out _));
    }

    [Theory]
    [InlineData("GET k", "get")]
    [InlineData("object encoding k", "object|encoding")]
    [InlineData("OBJECT ENCODING k", "object|encoding")]
    [InlineData("CONFIG GET maxmemory", "config|get")]
    [InlineData("client setname x", "client|setname")]
    [InlineData("XINFO STREAM s", "xinfo|stream")]
    [InlineData("MEMORY USAGE k", "memory|usage")]
    [InlineData("SCRIPT LOAD x", "script|load")]
    [InlineData("FUNCTION LIST", "function|list")]
    [InlineData("ACL WHOAMI", "acl|whoami")]
    [InlineData("COMMAND GETKEYS get k", "command|getkeys")]
    [InlineData("CLUSTER KEYSLOT k", "cluster|keyslot")]
    [InlineData("PUBSUB CHANNELS", "pubsub|channels")]
    [InlineData("OBJECT nosuch k", "object")]
    [InlineData("OBJECT", "object")]
    [InlineData("COMMAND", "command")]
    public void Resolve_Request_ReturnsCommandOrSubcommand(string line, string expected)
    {
        Assert.Equal(expected, CommandTable.Resolve(CommandLine.Request(line))?.Name);
    }

    [Theory]
    [InlineData("nosuch k")]
    [InlineData("object|encoding k")]
    public void Resolve_UnknownCommand_ReturnsNull(string line)
    {
        Assert.Null(CommandTable.Resolve(CommandLine.Request(line)));
    }

    [Fact]
    public void Resolve_EmptyRequest_ReturnsNull()
    {
        Assert.Null(CommandTable.Resolve(new Spinel.Resp.Framing.RespRequest()));
    }

    [Theory]
    [InlineData("get", 2, true)]
    [InlineData("get", 1, false)]
    [InlineData("get", 3, false)]
    [InlineData("set", 2, false)]
    [InlineData("set", 3, true)]
    [InlineData("set", 9, true)]
    [InlineData("ping", 1, true)]
    [InlineData("ping", 2, true)]
    [InlineData("ping", 3, true)]
    [InlineData("ping", 0, false)]
    [InlineData("object|encoding", 3, true)]
    [InlineData("object|encoding", 2, false)]
    public void CheckArity_ArgumentCount_FollowsRedisRule(string name, int argCount, bool expected)
    {
        Assert.True(CommandTable.TryGet(name, out var info));
        Assert.Equal(expected, CommandTable.CheckArity(info, argCount));
    }

    [Fact]
    public void Get_KnownEntry_HasRedisMetadata()
    {
        Assert.True(CommandTable.TryGet("get", out var get));

        Assert.Equal(2, get.Arity);
        Assert.Equal(CommandFlags.ReadOnly | CommandFlags.Fast, get.Flags);
        Assert.Equal(AclCategories.Read | AclCategories.String | AclCategories.Fast, get.AclCategories);
        Assert.Equal((1, 1, 1), (get.FirstKey, get.LastKey, get.Step));
        var spec = Assert.Single(get.KeySpecs);
        Assert.Equal(new KeySpec(KeySpecFlags.ReadOnly | KeySpecFlags.Access, BeginSearch.AtIndex(1), FindKeys.Range(0, 1, 0)), spec);
    }

    [Fact]
    public void Get_SubcommandEntry_LinksToContainer()
    {
        Assert.True(CommandTable.TryGet("object", out var container));
        Assert.True(CommandTable.TryGet("object|encoding", out var sub));

        Assert.Same(container, sub.Container);
        Assert.Contains(sub, container.Subcommands);
        Assert.True(container.IsContainer);
        Assert.Equal(3, sub.Arity);
    }

    [Fact]
    public void All_Containers_IncludeRedis70Set()
    {
        var containers = CommandTable.All.Where(c => c.IsContainer).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["acl", "client", "cluster", "command", "config", "function", "latency", "memory", "module", "object", "pubsub", "script", "slowlog", "xgroup", "xinfo"],
            containers);
    }

    [Fact]
    public void All_Entries_AreLowerCaseAndUnique()
    {
        var names = CommandTable.All.SelectMany(c => c.Subcommands.Prepend(c)).Select(c => c.Name).ToList();

        Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Get_XReadEntry_HasKeywordSpecWithLimit()
    {
        Assert.True(CommandTable.TryGet("xread", out var xread));

        var spec = Assert.Single(xread.KeySpecs);
        Assert.Equal(BeginSearch.ByKeyword("STREAMS", 1), spec.BeginSearch);
        Assert.Equal(FindKeys.Range(-1, 1, 2), spec.FindKeys);
        Assert.True((xread.Flags & CommandFlags.MovableKeys) != 0);
    }
}
