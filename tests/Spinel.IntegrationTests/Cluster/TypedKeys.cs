using System.Globalization;
using StackExchange.Redis;
using Spinel.Resp.Slots;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>
/// Keys of every data type, some with a TTL, loaded through an endpoint; then checked on the shards themselves: each
/// key once, on the master that owns its slot, with its type and its TTL.
/// </summary>
public sealed class TypedKeys
{
    private static readonly string[] Kinds = ["string", "hash", "list", "set", "zset", "stream", "string", "hash"];

    private TypedKeys(int count) => Count = count;

    public int Count { get; }

    /// <summary>The key of index <paramref name="i"/>: its prefix says its type, and the last two kinds carry a TTL.</summary>
    public static string KeyOf(int i) => (i % Kinds.Length) switch
    {
        6 => $"ttl-s:{i}",
        7 => $"ttl-h:{i}",
        var k => $"{Kinds[k]}:{i}",
    };

    public static string KindOf(int i) => Kinds[i % Kinds.Length];

    public static bool HasTtl(int i) => i % Kinds.Length >= 6;

    public IEnumerable<string> Keys => Enumerable.Range(0, Count).Select(KeyOf);

    public static async Task<TypedKeys> LoadAsync(string endpoint, int count)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{endpoint},syncTimeout=30000,asyncTimeout=30000");
        var db = connection.GetDatabase();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5000))
        {
            await Task.WhenAll(chunk.Select(i => WriteAsync(db, i)));
        }
        return new TypedKeys(count);
    }

    private static Task WriteAsync(IDatabaseAsync db, int i)
    {
        var key = KeyOf(i);
        var value = i.ToString(CultureInfo.InvariantCulture);
        return (i % Kinds.Length) switch
        {
            0 => db.StringSetAsync(key, value),
            1 => db.HashSetAsync(key, [new HashEntry("f", value), new HashEntry("g", "x")]),
            2 => db.ListRightPushAsync(key, [value, "x"]),
            3 => db.SetAddAsync(key, [value, "x"]),
            4 => db.SortedSetAddAsync(key, [new SortedSetEntry(value, i), new SortedSetEntry("x", -1)]),
            5 => db.StreamAddAsync(key, "f", value),
            6 => db.StringSetAsync(key, value, TimeSpan.FromHours(1)),
            _ => Task.WhenAll(db.HashSetAsync(key, "f", value), db.KeyExpireAsync(key, TimeSpan.FromHours(1))),
        };
    }

    /// <summary>
    /// Asks every master shard for all its keys: none may be on a master that does not own its slot, none on two masters;
    /// every loaded key is there with its type and its TTL. Returns how many keys the masters hold together.
    /// </summary>
    public async Task<long> VerifyOnShardsAsync(LocalCluster cluster, ReplicatedDatabase db)
    {
        var masters = (await db.ShardsAsync()).Where(s => s.Role == "master").ToList();
        var owner = new Dictionary<string, ShardInfo>(StringComparer.Ordinal);
        var loaded = Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var master in masters)
        {
            var owned = SlotSet.Parse(master.Slots);
            await using var shard = await ConnectionMultiplexer.ConnectAsync(
                $"{cluster.Nodes[master.NodeIndex].Address}:{master.Port},allowAdmin=true,syncTimeout=30000,asyncTimeout=30000");
            var server = shard.GetServers()[0];
            var here = new List<string>();
            await foreach (var key in server.KeysAsync(pageSize: 2000))
            {
                var name = (string)key!;
                Assert.True(owned.Contains(HashSlot.Compute((byte[])key!)), $"key {name} is on shard {master.Uid} ({master.Slots}), which does not own its slot");
                Assert.True(owner.TryAdd(name, master), $"key {name} is on shard {master.Uid} and on shard {owner.GetValueOrDefault(name)?.Uid}");
                if (loaded.Contains(name))
                {
                    here.Add(name);
                }
            }
            await CheckTypesAndTtlsAsync(shard.GetDatabase(), here);
        }
        var missing = loaded.Where(k => !owner.ContainsKey(k)).Take(5).ToList();
        Assert.True(missing.Count == 0, $"loaded keys on no shard, e.g. {string.Join(", ", missing)}");
        return owner.Count;
    }

    private static async Task CheckTypesAndTtlsAsync(IDatabase shard, List<string> keys)
    {
        foreach (var chunk in keys.Chunk(2000))
        {
            var types = chunk.Select(k => shard.KeyTypeAsync(k)).ToArray();
            var ttls = chunk.Select(k => shard.ExecuteAsync("PTTL", k)).ToArray();
            await Task.WhenAll(Task.WhenAll(types), Task.WhenAll(ttls));
            for (var n = 0; n < chunk.Length; n++)
            {
                var i = int.Parse(chunk[n].AsSpan(chunk[n].IndexOf(':', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);
                var type = types[n].Result.ToString().ToLowerInvariant().Replace("sortedset", "zset", StringComparison.Ordinal);
                Assert.True(type == KindOf(i), $"{chunk[n]} is a {type}, not a {KindOf(i)}");
                var ttl = (long)ttls[n].Result;
                Assert.True(HasTtl(i) ? ttl > 0 : ttl == -1, $"{chunk[n]} has PTTL {ttl}");
            }
        }
    }
}

/// <summary>The slots of a shard's <c>assigned_slots</c> text (<c>0-8191,9000</c>).</summary>
internal static class SlotSet
{
    public static HashSet<int> Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).SelectMany(part =>
        {
            var bounds = part.Split('-');
            var start = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var end = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : start;
            return Enumerable.Range(start, end - start + 1);
        }).ToHashSet();
}
