using Spinel.Model;
using Spinel.Proxy.Tests.Infrastructure;

namespace Spinel.Proxy.Tests.Sessions;

[Trait("Category", "Integration")]
public class WriteFenceTests
{
    private static readonly TimeSpan HeldFor = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task ClosedFence_HoldsWritesWhileReadsPass_AndOpeningItReleasesThem()
    {
        using var master = await TestRedisServer.StartAsync();
        var lease = new WriteLease();
        await using var proxy = await ProxyTestHost.StartAsync([master], fence: lease);
        await using var writer = await proxy.ConnectAsync();
        await using var reader = await proxy.ConnectAsync();
        Assert.Equal("+OK", await writer.CallAsync("SET", "k", "v0"));
        lease.Revoke();

        await writer.SendAsync(["SET", "k", "v1"], ["DEL", "k", "other"], ["SET", "k", "v2"]);
        var readWhileFenced = await reader.CallAsync("GET", "k");
        var wroteWhileFenced = await writer.ReplyArrivesWithinAsync(HeldFor);
        lease.Renew(long.MaxValue);

        Assert.Equal("v0", readWhileFenced);
        Assert.False(wroteWhileFenced);
        Assert.Equal(["+OK", ":1", "+OK"], await writer.ReadAsync(3));
        Assert.Equal("v2", await reader.CallAsync("GET", "k"));
    }

    [Fact]
    public async Task ClosedFence_WriteWaitsOutTheHold_AnswersReadOnly_AndTheConnectionStaysUsable()
    {
        using var master = await TestRedisServer.StartAsync();
        var lease = new WriteLease();
        await using var proxy = await ProxyTestHost.StartAsync([master], o => o.FailoverHoldTimeout = HeldFor, lease);
        await using var client = await proxy.ConnectAsync();
        lease.Revoke();

        await client.SendAsync(["SET", "k", "v"], ["GET", "k"], ["MULTI"], ["INCR", "n"], ["EXEC"], ["GET", "n"]);
        var replies = await client.ReadAsync(6);

        Assert.Equal(["-READONLY You can't write against a read only replica.", "(nil)", "+OK", "+QUEUED",
            "-READONLY You can't write against a read only replica.", "(nil)"], replies);
        Assert.True(proxy.Logs.Contains(EventIds.HoldTimedOut));
    }
}
