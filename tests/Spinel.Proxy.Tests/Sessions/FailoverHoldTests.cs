using System.Diagnostics;
using Spinel.Model;
using Spinel.Proxy.Tests.Infrastructure;

namespace Spinel.Proxy.Tests.Sessions;

[Trait("Category", "Integration")]
public class FailoverHoldTests
{
    private static readonly TimeSpan HeldFor = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task KilledMaster_RequestsAfterItsDeath_WaitThenRunInOrderOnTheNewMaster()
    {
        using var oldMaster = await TestRedisServer.StartAsync();
        using var newMaster = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([oldMaster]);
        await using var client = await proxy.ConnectAsync();
        await client.SendAsync([.. Enumerable.Range(0, 5).Select(i => new[] { "RPUSH", "list", $"before{i}" })]);
        Assert.Equal([":1", ":2", ":3", ":4", ":5"], await client.ReadAsync(5));
        await using var direct = await oldMaster.ConnectAsync();
        Assert.Equal("+OK", await direct.CallAsync("CLIENT", "PAUSE", "10000", "WRITE"));

        await client.SendAsync(["RPUSH", "list", "in-flight"]);
        await WaitUntilAsync(async () => (await direct.CallAsync("INFO", "clients")).Contains("blocked_clients:1"));
        oldMaster.Kill();
        var inFlight = await client.ReadAsync();
        await client.SendAsync([.. Enumerable.Range(0, 20).Select(i => new[] { "RPUSH", "list", $"held{i}" })]);
        var repliedWhileDown = await client.ReplyArrivesWithinAsync(HeldFor);
        proxy.Publish(ProxyTestHost.Master(2, newMaster, new SlotRange(0, SlotRange.SlotCount - 1)));
        var held = await client.ReadAsync(20);

        Assert.StartsWith("-ERR connection to shard lost", inFlight);
        Assert.False(repliedWhileDown);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $":{n}"), held);
        await using var onNewMaster = await newMaster.ConnectAsync();
        Assert.Equal($"[{string.Join(", ", Enumerable.Range(0, 20).Select(i => $"held{i}"))}]", await onNewMaster.CallAsync("LRANGE", "list", "0", "-1"));
        Assert.True(proxy.Logs.Contains(EventIds.ShardDown));
    }

    [Fact]
    public async Task HungMaster_ABlockedRequestOnItGetsAnErrorOnceTheTopologyMovesItsSlots()
    {
        using var oldMaster = await TestRedisServer.StartAsync();
        using var newMaster = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([oldMaster]);
        await using var client = await proxy.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("SET", "k", "v"));

        // WAIT runs on a connection lent to this client; the shard then hangs (SIGSTOP) instead of dying.
        await client.SendAsync(["WAIT", "1", "0"]);
        await Task.Delay(100);
        Signal(oldMaster.Pid, "STOP");
        try
        {
            proxy.Publish(ProxyTestHost.Master(2, newMaster, new SlotRange(0, SlotRange.SlotCount - 1)));
            var failed = await client.ReadAsync();
            Assert.StartsWith("-ERR connection to shard lost", failed);
            Assert.Equal("+OK", await client.CallAsync("SET", "k", "moved"));
        }
        finally
        {
            Signal(oldMaster.Pid, "CONT");
        }
        await using var onNewMaster = await newMaster.ConnectAsync();
        Assert.Equal("moved", await onNewMaster.CallAsync("GET", "k"));
    }

    private static void Signal(int pid, string signal) =>
        Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    [Fact]
    public async Task HeldShard_RequestsWaitUntilTheTopologyClearsTheHold()
    {
        using var master = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([master]);
        await using var client = await proxy.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("SET", "k", "v0"));
        await proxy.SetHeldAsync(1, held: true);

        await client.SendAsync(["GET", "k"], ["SET", "k", "v1"], ["GET", "k"]);
        var repliedWhileHeld = await client.ReplyArrivesWithinAsync(HeldFor);
        await proxy.SetHeldAsync(1, held: false);

        Assert.False(repliedWhileHeld);
        Assert.Equal(["v0", "+OK", "v1"], await client.ReadAsync(3));
    }

    [Fact]
    public async Task HoldTimeout_AnswersTryAgain_AndTheConnectionStaysUsable()
    {
        using var master = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([master], o => o.FailoverHoldTimeout = HeldFor);
        await using var client = await proxy.ConnectAsync();
        await proxy.SetHeldAsync(1, held: true);

        var clock = Stopwatch.StartNew();
        await client.SendAsync(["SET", "k", "v"], ["PING"]);
        var timedOut = await client.ReadAsync();
        var waited = clock.Elapsed;
        var next = await client.ReadAsync();
        await proxy.SetHeldAsync(1, held: false);

        Assert.Equal("-TRYAGAIN shard unavailable, try again later", timedOut);
        Assert.InRange(waited, HeldFor - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));
        Assert.Equal("+PONG", next);
        Assert.Equal("+OK", await client.CallAsync("SET", "k", "v"));
        Assert.Equal("(nil)", await client.CallAsync("GET", "missing"));
        Assert.True(proxy.Logs.Contains(EventIds.HoldTimedOut));
    }

    [Fact]
    public async Task RestartedShard_OnTheSamePort_ReleasesTheHoldWithoutANewTopology()
    {
        using var master = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([master], o => o.FailoverHoldTimeout = TimeSpan.FromSeconds(20));
        await using var client = await proxy.ConnectAsync();
        Assert.Equal("+OK", await client.CallAsync("SET", "k", "v0"));
        master.Kill();
        await proxy.Logs.WaitForAsync(EventIds.ShardDown);

        await client.SendAsync(["SET", "k", "v1"], ["GET", "k"]);
        var repliedWhileDown = await client.ReplyArrivesWithinAsync(HeldFor);
        await master.RestartAsync();

        Assert.False(repliedWhileDown);
        Assert.Equal(["+OK", "v1"], await client.ReadAsync(2));
        Assert.Equal(1, proxy.Topology.Current.Version);
        Assert.True(proxy.Logs.Contains(EventIds.ShardUp));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the condition");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task HeldShard_HoldsSplitsFanOutsTransactionsBlockingAndWait_ButNotOtherShards()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([first, second]);
        var heldKey = "{" + proxy.KeyOn(1, "held") + "}";
        var freeKey = "{" + proxy.KeyOn(2, "free") + "}";
        await using var split = await proxy.ConnectAsync();
        await using var fanOut = await proxy.ConnectAsync();
        await using var transaction = await proxy.ConnectAsync();
        await using var blocking = await proxy.ConnectAsync();
        await using var wait = await proxy.ConnectAsync();
        await using var other = await proxy.ConnectAsync();
        Assert.Equal("+OK", await transaction.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await transaction.CallAsync("SET", heldKey + "t", "1"));
        await proxy.SetHeldAsync(1, held: true);

        await split.SendAsync(["MSET", heldKey + "a", "1", freeKey + "b", "2"]);
        await fanOut.SendAsync(["DBSIZE"]);
        await transaction.SendAsync(["EXEC"]);
        await blocking.SendAsync(["BLPOP", heldKey + "list", "0.05"]);
        await wait.SendAsync(["WAIT", "0", "0"]);
        var otherShard = await other.CallAsync("SET", freeKey + "c", "3");
        var replied = new List<bool>();
        foreach (var client in new[] { split, fanOut, transaction, blocking, wait })
        {
            replied.Add(await client.ReplyArrivesWithinAsync(replied.Count == 0 ? HeldFor : TimeSpan.Zero));
        }
        await proxy.SetHeldAsync(1, held: false);

        Assert.Equal("+OK", otherShard);
        Assert.All(replied, Assert.False);
        Assert.Equal("+OK", await split.ReadAsync());
        Assert.StartsWith(":", await fanOut.ReadAsync());
        Assert.Equal("[+OK]", await transaction.ReadAsync());
        Assert.Equal("(nil)", await blocking.ReadAsync());
        Assert.Equal(":0", await wait.ReadAsync());
    }
}
