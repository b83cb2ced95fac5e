using System.Text;
using Spinel.Proxy.Tests.Infrastructure;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Tests.Sessions;

/// <summary>
/// After a reshard's cut-over a shard still holds keys of slots that moved away until the trim deletes them: KEYS and
/// SCAN through the endpoint show each key once, from the shard the routing sends it to.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UntrimmedKeysTests
{
    [Fact]
    public async Task KeysAndScan_ShowAKeyLeftOnItsFormerShardOnce()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([first, second]);
        await using var client = await proxy.ConnectAsync();
        var moved = Enumerable.Range(0, 1000).Select(i => $"k{i}").First(k => HashSlot.Compute(Encoding.UTF8.GetBytes(k)) >= 8192);
        var stays = Enumerable.Range(0, 1000).Select(i => $"k{i}").First(k => HashSlot.Compute(Encoding.UTF8.GetBytes(k)) < 8192);
        Assert.Equal("+OK", await client.CallAsync("MSET", moved, "new", stays, "v"));
        // The copy the first shard kept of a key whose slot the second owns now.
        await using (var onFirst = await first.ConnectAsync())
        {
            Assert.Equal("+OK", await onFirst.CallAsync("SET", moved, "old"));
        }

        var keys = await client.CallAsync("KEYS", "*");
        var scanned = new List<string>();
        var cursor = "0";
        do
        {
            var page = await client.CallAsync("SCAN", cursor, "COUNT", "100");
            var open = page.IndexOf('[', 1);
            cursor = page[1..page.IndexOf(',', StringComparison.Ordinal)];
            scanned.AddRange(page[(open + 1)..^2].Split(", ", StringSplitOptions.RemoveEmptyEntries));
        }
        while (cursor != "0");

        Assert.Equal([moved, stays], keys.Trim('[', ']').Split(", ").Order(StringComparer.Ordinal));
        Assert.Equal([moved, stays], scanned.Order(StringComparer.Ordinal));
        Assert.Equal("new", await client.CallAsync("GET", moved));
    }
}
