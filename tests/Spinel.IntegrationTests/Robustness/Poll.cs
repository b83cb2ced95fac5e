using Spinel.IntegrationTests.Infrastructure;
using Xunit.Sdk;

namespace Spinel.IntegrationTests.Robustness;

/// <summary>Waits for state that changes in the background, and reads the INFO fields the robustness tests watch.</summary>
public static class Poll
{
    /// <param name="describe">What the failure message shows of the state that never came right.</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var state = describe is null ? "" : "; last seen: " + await describe();
                throw new XunitException("Timed out waiting until " + because + state);
            }
            await Task.Delay(20);
        }
    }

    /// <summary>One numeric field of a shard's INFO, read over a direct connection to the shard.</summary>
    public static async Task<long> ShardInfoAsync(SpinelTestNode node, int shard, string field)
    {
        await using var client = await node.ConnectShardAsync(shard);
        var info = await client.CommandAsync("INFO");
        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].TrimEnd('\r'));
            }
        }
        throw new XunitException($"INFO of shard {shard} has no {field}");
    }
}
