using Spinel.Model;

namespace Spinel.ControlPlane.Resharding;

/// <summary>Deletes from a master shard the keys of slots it no longer owns, in small batches (after a split).</summary>
public interface IShardTrimmer
{
    /// <summary>Returns how many keys were deleted.</summary>
    Task<long> TrimAsync(string host, int port, IReadOnlyList<SlotRange> owned, CancellationToken cancellationToken);
}
