using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IdleTimeoutTests(IdleTimeoutTests.OneSecondIdleNode fixture) : IClassFixture<IdleTimeoutTests.OneSecondIdleNode>
{
    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task IdleTimeout_IdleClientIsClosed_BlockedAndSubscribedClientsAreNot()
    {
        var list = $"idle-list-{Guid.NewGuid():N}";
        await using var observer = await Node.ConnectRawAsync();
        await using var blocked = await Node.ConnectRawAsync();
        var blockedId = (await blocked.CommandAsync("CLIENT", "ID"))[1..];
        await blocked.SendAsync(RespWriter.EncodeCommand("BLPOP", list, "0"));
        await Poll.UntilAsync(async () => (await observer.CommandAsync("CLIENT", "LIST", "ID", blockedId)).Contains("flags=b"), "the client is blocked");
        await using var subscriber = await Node.ConnectRawAsync();
        Assert.Equal("[subscribe, idle-channel, :1]", await subscriber.CommandAsync("SUBSCRIBE", "idle-channel"));
        await using var idle = await Node.ConnectRawAsync();
        Assert.Equal("+PONG", await idle.CommandAsync("PING"));

        Assert.True(await idle.IsClosedByServerAsync(TimeSpan.FromSeconds(10)), "the idle client was not closed");

        // The waiting clients went quiet before the idle one, so a sweep that closed it would have closed them too.
        await using var pusher = await Node.ConnectRawAsync();
        Assert.Equal(":1", await pusher.CommandAsync("LPUSH", list, "wake"));
        Assert.Equal($"[{list}, wake]", await blocked.ReadAsync());
        Assert.Equal(":1", await pusher.CommandAsync("PUBLISH", "idle-channel", "hello"));
        Assert.Equal("[message, idle-channel, hello]", await subscriber.ReadAsync());
    }

    public sealed class OneSecondIdleNode : ConfiguredNode
    {
        protected override Task<SpinelTestNode> StartNodeAsync() =>
            SpinelTestNode.StartAsync(shards: 3, proxy: o => o.IdleTimeout = TimeSpan.FromSeconds(1));
    }
}
