using System.Text;
using Spinel.Model;
using Spinel.Proxy.Tests.Infrastructure;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Tests.Sessions;

/// <summary>A SCAN through the endpoint that a reshard interrupts goes on where it was, without missing or repeating keys.</summary>
[Trait("Category", "Integration")]
public sealed class ScanAcrossReshardTests
{
    [Fact]
    public async Task Scan_WhileAnEarlierShardSplits_GoesOnOnTheSameShard()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        using var splitOff = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([first, second]);
        await using var client = await proxy.ConnectAsync();
        var keys = Enumerable.Range(0, 400).Select(i => $"k{i}").ToList();
        foreach (var key in keys)
        {
            Assert.Equal("+OK", await client.CallAsync("SET", key, "v"));
        }
        // The split-off shard starts as a copy of the first one.
        await using (var copy = await splitOff.ConnectAsync())
        {
            foreach (var key in keys.Where(k => HashSlot.Compute(Encoding.UTF8.GetBytes(k)) < 8192))
            {
                Assert.Equal("+OK", await copy.CallAsync("SET", key, "v"));
            }
        }

        var seen = new List<string>();
        var cursor = "0";
        var split = false;
        do
        {
            var page = await client.CallAsync("SCAN", cursor, "COUNT", "10");
            cursor = page[1..page.IndexOf(',', StringComparison.Ordinal)];
            seen.AddRange(page[(page.IndexOf('[', 1) + 1)..^2].Split(", ", StringSplitOptions.RemoveEmptyEntries));
            if (!split && seen.Count > keys.Count * 3 / 4)
            {
                // Well into the second shard: the first one splits in two, its second half going to a shard that sorts
                // between the two.
                proxy.Publish(
                    ProxyTestHost.Master(1, first, new SlotRange(0, 4095)),
                    ProxyTestHost.Master(3, splitOff, new SlotRange(4096, 8191)),
                    ProxyTestHost.Master(2, second, new SlotRange(8192, 16383)));
                await Task.Delay(200);
                split = true;
            }
        }
        while (cursor != "0");

        Assert.True(split);
        Assert.Equal(keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}
