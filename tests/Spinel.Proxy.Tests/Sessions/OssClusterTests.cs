using System.Text;
using Spinel.Model;
using Spinel.Proxy.Tests.Infrastructure;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Tests.Sessions;

/// <summary>
/// The OSS Cluster API through one proxy (node 1 at 127.0.0.1) of a database whose second master lives on node 2
/// (127.0.0.2): the proxy advertises each master's node, answers its own slots and sends the others with -MOVED.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OssClusterTests
{
    private static readonly NodeConfig[] TwoNodes = [new() { Uid = 1, Address = "127.0.0.1" }, new() { Uid = 2, Address = "127.0.0.2" }];

    [Fact]
    public async Task ClusterReplies_AdvertiseTheProxyOfEachMastersNode()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await StartOssAsync(first, second);
        await using var client = await proxy.ConnectAsync();
        var port = proxy.Database.Port;

        var slots = await client.CallAsync("CLUSTER", "SLOTS");
        var myId = await client.CallAsync("CLUSTER", "MYID");
        var nodes = (await client.CallAsync("CLUSTER", "NODES")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var info = await client.CallAsync("CLUSTER", "INFO");

        var otherId = nodes.Single(l => !l.Contains("myself", StringComparison.Ordinal)).Split(' ')[0];
        Assert.Equal($"[[:0, :8191, [127.0.0.1, :{port}, {myId}]], [:8192, :16383, [127.0.0.2, :{port}, {otherId}]]]", slots);
        Assert.Equal(40, myId.Length);
        Assert.NotEqual(myId, otherId);
        Assert.Equal(2, nodes.Length);
        Assert.StartsWith($"{myId} 127.0.0.1:{port}@{port} myself,master - 0 0 ", nodes.Single(l => l.StartsWith(myId, StringComparison.Ordinal)));
        Assert.EndsWith(" connected 0-8191", nodes.Single(l => l.StartsWith(myId, StringComparison.Ordinal)));
        Assert.EndsWith(" connected 8192-16383", nodes.Single(l => l.StartsWith(otherId, StringComparison.Ordinal)));
        Assert.Contains("cluster_state:ok", info, StringComparison.Ordinal);
        Assert.Contains("cluster_known_nodes:2", info, StringComparison.Ordinal);
        Assert.Contains("cluster_size:2", info, StringComparison.Ordinal);
        Assert.Equal(":" + HashSlot.Compute("user:1"u8), await client.CallAsync("CLUSTER", "KEYSLOT", "user:1"));
        Assert.Contains("redis_mode:cluster", await client.CallAsync("INFO", "server"), StringComparison.Ordinal);
        Assert.Equal("+OK", await client.CallAsync("READONLY"));
        Assert.Equal("+OK", await client.CallAsync("READWRITE"));
        Assert.Equal("+OK", await client.CallAsync("ASKING"));
        Assert.StartsWith("-ERR command is not allowed", await client.CallAsync("CLUSTER", "FAILOVER"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysOfAnotherProxy_AreMovedAndMultiKeyCommandsNeedOneSlot()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await StartOssAsync(first, second);
        await using var client = await proxy.ConnectAsync();
        var local = proxy.KeyOn(1, "here");
        var remote = proxy.KeyOn(2, "there");
        var remoteSlot = HashSlot.Compute(Encoding.UTF8.GetBytes(remote));

        Assert.Equal("+OK", await client.CallAsync("SET", local, "v"));
        Assert.Equal("v", await client.CallAsync("GET", local));
        Assert.Equal($"-MOVED {remoteSlot} 127.0.0.2:{proxy.Database.Port}", await client.CallAsync("SET", remote, "v"));
        Assert.Equal($"-MOVED {remoteSlot} 127.0.0.2:{proxy.Database.Port}", await client.CallAsync("MGET", remote, "{" + remote + "}x"));
        Assert.Equal($"-MOVED {remoteSlot} 127.0.0.2:{proxy.Database.Port}", await client.CallAsync("BLPOP", remote, "1"));
        Assert.StartsWith("-CROSSSLOT", await client.CallAsync("MGET", local, remote), StringComparison.Ordinal);
        Assert.StartsWith("-CROSSSLOT", await client.CallAsync("DEL", local, remote), StringComparison.Ordinal);
        Assert.Equal("[v, (nil)]", await client.CallAsync("MGET", local, "{" + local + "}other"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal($"-MOVED {remoteSlot} 127.0.0.2:{proxy.Database.Port}", await client.CallAsync("INCR", remote));
        Assert.StartsWith("-EXECABORT", await client.CallAsync("EXEC"), StringComparison.Ordinal);
        await using var onSecond = await second.ConnectAsync();
        Assert.Equal("(nil)", await onSecond.CallAsync("GET", remote));
    }

    [Fact]
    public async Task KeyspaceCommands_CoverOnlyThisProxysShards()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await StartOssAsync(first, second);
        await using (var onFirst = await first.ConnectAsync())
        {
            Assert.Equal("+OK", await onFirst.CallAsync("MSET", proxy.KeyOn(1, "a"), "1", proxy.KeyOn(1, "b"), "2"));
        }
        await using (var onSecond = await second.ConnectAsync())
        {
            Assert.Equal("+OK", await onSecond.CallAsync("SET", proxy.KeyOn(2, "c"), "3"));
        }
        await using var client = await proxy.ConnectAsync();

        Assert.Equal(":2", await client.CallAsync("DBSIZE"));
        Assert.Equal([proxy.KeyOn(1, "a"), proxy.KeyOn(1, "b")], (await client.CallAsync("KEYS", "*")).Trim('[', ']').Split(", ").Order(StringComparer.Ordinal));
        var scan = await client.CallAsync("SCAN", "0", "COUNT", "100");
        Assert.StartsWith("[0, [", scan, StringComparison.Ordinal);
        Assert.DoesNotContain(proxy.KeyOn(2, "c"), scan, StringComparison.Ordinal);
        Assert.Contains(proxy.KeyOn(1, "a"), scan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMasterWhoseNodeBindsNoProxy_IsServedByTheLowestBoundNode()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await StartOssAsync(first, second);
        // Node 2 stops binding the endpoint (e.g. right after a failover put a master there): its slots fall back here.
        proxy.Publish(proxy.Database with { EndpointNodes = [1] }, TwoNodes);
        await using var client = await ConnectWhenAsync(proxy, c => c.CallAsync("CLUSTER", "NODES"), nodes => !nodes.Contains("127.0.0.2", StringComparison.Ordinal));
        var remote = proxy.KeyOn(2, "there");

        Assert.Equal("+OK", await client.CallAsync("SET", remote, "v"));
        Assert.Equal("v", await client.CallAsync("GET", remote));
        Assert.Equal($"[[:0, :16383, [127.0.0.1, :{proxy.Database.Port}, {await client.CallAsync("CLUSTER", "MYID")}]]]", await client.CallAsync("CLUSTER", "SLOTS"));
        await using var onSecond = await second.ConnectAsync();
        Assert.Equal("v", await onSecond.CallAsync("GET", remote));
    }

    [Fact]
    public async Task AFailoverToThisNode_ChangesTheLayoutForConnectedClients()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await StartOssAsync(first, second);
        await using var client = await proxy.ConnectAsync();
        var remote = proxy.KeyOn(2, "there");
        Assert.StartsWith("-MOVED", await client.CallAsync("GET", remote), StringComparison.Ordinal);

        // The master of the second half is now on node 1 (its replica there was promoted).
        proxy.Publish(proxy.Database with { Shards = [proxy.Database.Shards[0], proxy.Database.Shards[1] with { NodeUid = 1 }] }, TwoNodes);
        await Eventually(async () => await client.CallAsync("SET", remote, "v") == "+OK");

        Assert.Equal("v", await client.CallAsync("GET", remote));
        Assert.EndsWith("connected 0-16383", (await client.CallAsync("CLUSTER", "NODES")).Split('\n')[0]);
    }

    [Fact]
    public async Task WithoutTheOssClusterApi_ClusterCommandsAreRefused()
    {
        using var first = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([first]);
        await using var client = await proxy.ConnectAsync();

        Assert.Equal("-ERR command is not allowed", await client.CallAsync("CLUSTER", "SLOTS"));
        Assert.Equal("-ERR command is not allowed", await client.CallAsync("READONLY"));
        Assert.Equal("-ERR command is not allowed", await client.CallAsync("ASKING"));
        Assert.Contains("redis_mode:standalone", await client.CallAsync("INFO", "server"), StringComparison.Ordinal);
    }

    /// <summary>A proxy on node 1 for a database with the OSS Cluster API whose second master is on node 2.</summary>
    private static async Task<ProxyTestHost> StartOssAsync(TestRedisServer first, TestRedisServer second)
    {
        var proxy = await ProxyTestHost.StartAsync([first, second]);
        var shards = proxy.Database.Shards;
        proxy.Publish(proxy.Database with
        {
            OssCluster = true,
            EndpointNodes = [1, 2],
            Shards = [shards[0], shards[1] with { NodeUid = 2 }],
        }, TwoNodes);
        // The API applies to connections made after it is on.
        await using var probe = await ConnectWhenAsync(proxy, c => c.CallAsync("CLUSTER", "MYID"), reply => !reply.StartsWith('-'));
        return proxy;
    }

    private static async Task<TestRespClient> ConnectWhenAsync(ProxyTestHost proxy, Func<TestRespClient, Task<string>> ask, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var client = await proxy.ConnectAsync();
            if (done(await ask(client)))
            {
                return client;
            }
            await client.DisposeAsync();
            Assert.True(DateTime.UtcNow < deadline, "the proxy never applied the published topology");
            await Task.Delay(20);
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
