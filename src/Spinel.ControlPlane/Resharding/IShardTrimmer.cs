using Spinel.Model;
using Spinel.Resp.Slots;

namespace Spinel.ControlPlane.Resharding;

/// <summary>Deletes from a master shard the keys of slots it no longer owns, in small batches (after a split).</summary>
public interface IShardTrimmer
{
    /// <summary>Deletes the keys whose slot by <paramref name="hashing"/> (the database's rules) is not in <paramref name="owned"/>; returns how many.</summary>
    Task<long> TrimAsync(string host, int port, IReadOnlyList<SlotRange> owned, KeyHashing hashing, CancellationToken cancellationToken);
}
