using Spinel.Model;
using Spinel.Resp.Slots;
using StackExchange.Redis;
using SlotRange = Spinel.Model.SlotRange;

namespace Spinel.ControlPlane.Resharding;

/// <summary>
/// SCANs a shard and UNLINKs, a batch at a time, the keys whose slot the shard does not own; the master's replicas
/// follow through replication. Pauses between batches so that client traffic on the shard is never stalled long.
/// </summary>
public sealed class RedisShardTrimmer : IShardTrimmer
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(1);

    public async Task<long> TrimAsync(string host, int port, IReadOnlyList<SlotRange> owned, KeyHashing hashing, CancellationToken cancellationToken)
    {
        var ownedSlots = new bool[SlotRange.SlotCount];
        foreach (var range in owned)
        {
            for (var slot = range.Start; slot <= range.End; slot++)
            {
                ownedSlots[slot] = true;
            }
        }
        await using var connection = await ConnectionMultiplexer.ConnectAsync(
            $"{host}:{port},allowAdmin=true,abortConnect=true,connectTimeout=2000,syncTimeout=10000").ConfigureAwait(false);
        var server = connection.GetServer(host, port);
        var db = connection.GetDatabase();
        var batch = new List<RedisKey>(BatchSize);
        long deleted = 0;
        await foreach (var key in server.KeysAsync(pageSize: BatchSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (ownedSlots[hashing.SlotOf((byte[])key!)])
            {
                continue;
            }
            batch.Add(key);
            if (batch.Count == BatchSize)
            {
                deleted += await UnlinkAsync(db, batch).ConfigureAwait(false);
                await Task.Delay(Pause, cancellationToken).ConfigureAwait(false);
            }
        }
        return deleted + await UnlinkAsync(db, batch).ConfigureAwait(false);
    }

    private static async Task<long> UnlinkAsync(IDatabase db, List<RedisKey> keys)
    {
        if (keys.Count == 0)
        {
            return 0;
        }
        var removed = (long)await db.ExecuteAsync("UNLINK", [.. keys.Select(k => (object)k)]).ConfigureAwait(false);
        keys.Clear();
        return removed;
    }
}
