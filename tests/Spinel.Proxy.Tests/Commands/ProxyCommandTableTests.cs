using Spinel.Proxy.Commands;

namespace Spinel.Proxy.Tests.Commands;

public class ProxyCommandTableTests
{
    [Theory]
    [InlineData("get", nameof(ProxyCommand.Forward))]
    [InlineData("set", nameof(ProxyCommand.Forward))]
    [InlineData("lrange", nameof(ProxyCommand.Forward))]
    [InlineData("eval", nameof(ProxyCommand.Forward))]
    [InlineData("ping", nameof(ProxyCommand.Ping))]
    [InlineData("client|list", nameof(ProxyCommand.ClientList))]
    [InlineData("client|kill", nameof(ProxyCommand.ClientKill))]
    [InlineData("mget", nameof(ProxyCommand.MultiKeyGet))]
    [InlineData("mset", nameof(ProxyCommand.MultiKeySet))]
    [InlineData("del", nameof(ProxyCommand.MultiKeyCount))]
    [InlineData("exists", nameof(ProxyCommand.MultiKeyCount))]
    [InlineData("unlink", nameof(ProxyCommand.MultiKeyCount))]
    [InlineData("dbsize", nameof(ProxyCommand.DbSize))]
    [InlineData("flushdb", nameof(ProxyCommand.FlushAll))]
    [InlineData("script|load", nameof(ProxyCommand.AllShardsOk))]
    [InlineData("script|exists", nameof(ProxyCommand.ScriptExists))]
    [InlineData("slowlog|len", nameof(ProxyCommand.AllShardsSum))]
    [InlineData("multi", nameof(ProxyCommand.Multi))]
    [InlineData("exec", nameof(ProxyCommand.Exec))]
    [InlineData("ssubscribe", nameof(ProxyCommand.SSubscribe))]
    [InlineData("blpop", nameof(ProxyCommand.Blocking))]
    [InlineData("bzmpop", nameof(ProxyCommand.Blocking))]
    [InlineData("xreadgroup", nameof(ProxyCommand.StreamRead))]
    [InlineData("wait", nameof(ProxyCommand.Wait))]
    [InlineData("config|get", nameof(ProxyCommand.ConfigGet))]
    [InlineData("config|rewrite", nameof(ProxyCommand.NotAllowed))]
    [InlineData("debug", nameof(ProxyCommand.NotAllowed))]
    [InlineData("shutdown", nameof(ProxyCommand.NotAllowed))]
    [InlineData("cluster", nameof(ProxyCommand.Cluster))]
    [InlineData("cluster|slots", nameof(ProxyCommand.Cluster))]
    [InlineData("readonly", nameof(ProxyCommand.ClusterMode))]
    [InlineData("monitor", nameof(ProxyCommand.NotAllowed))]
    [InlineData("replicaof", nameof(ProxyCommand.NotAllowed))]
    [InlineData("acl|setuser", nameof(ProxyCommand.NotAllowed))]
    [InlineData("client|pause", nameof(ProxyCommand.NotAllowed))]
    public void Classify_KnownCommand_ReturnsItsRule(string name, string expected) =>
        Assert.Equal(Enum.Parse<ProxyCommand>(expected), ProxyCommandTable.Classify(name));

    [Theory]
    [InlineData("GET")]
    [InlineData("Ping")]
    [InlineData("CLIENT|LIST")]
    public void Classify_NotLowerCase_IsNotMatched(string name) =>
        Assert.Equal(ProxyCommand.Forward, ProxyCommandTable.Classify(name));

    [Theory]
    [InlineData(nameof(ProxyCommand.Auth), true)]
    [InlineData(nameof(ProxyCommand.Hello), true)]
    [InlineData(nameof(ProxyCommand.Quit), true)]
    [InlineData(nameof(ProxyCommand.Reset), true)]
    [InlineData(nameof(ProxyCommand.Ping), false)]
    [InlineData(nameof(ProxyCommand.Forward), false)]
    [InlineData(nameof(ProxyCommand.Info), false)]
    public void AllowedBeforeAuth_Command_OnlyConnectionSetup(string command, bool allowed) =>
        Assert.Equal(allowed, ProxyCommandTable.AllowedBeforeAuth(Enum.Parse<ProxyCommand>(command)));

    [Theory]
    [InlineData(nameof(ProxyCommand.Subscribe), true)]
    [InlineData(nameof(ProxyCommand.PUnsubscribe), true)]
    [InlineData(nameof(ProxyCommand.SSubscribe), true)]
    [InlineData(nameof(ProxyCommand.Ping), true)]
    [InlineData(nameof(ProxyCommand.Quit), true)]
    [InlineData(nameof(ProxyCommand.Reset), true)]
    [InlineData(nameof(ProxyCommand.Publish), false)]
    [InlineData(nameof(ProxyCommand.Forward), false)]
    [InlineData(nameof(ProxyCommand.Multi), false)]
    public void AllowedWhileSubscribed_Command_OnlyPubSubAndPing(string command, bool allowed) =>
        Assert.Equal(allowed, ProxyCommandTable.AllowedWhileSubscribed(Enum.Parse<ProxyCommand>(command)));
}
