using System.Collections.Concurrent;
using Spinel.ControlPlane.Resharding;
using Spinel.Model;
using Spinel.Resp.Slots;

namespace Spinel.ControlPlane.Tests.Resharding;

/// <summary>Remembers which shard was asked to keep which slots, and by which hashing.</summary>
internal sealed class FakeTrimmer : IShardTrimmer
{
    public ConcurrentDictionary<string, IReadOnlyList<SlotRange>> Trimmed { get; } = new();

    public ConcurrentDictionary<string, KeyHashing> Hashing { get; } = new();

    public Task<long> TrimAsync(string host, int port, IReadOnlyList<SlotRange> owned, KeyHashing hashing, CancellationToken cancellationToken)
    {
        Trimmed[$"{host}:{port}"] = owned;
        Hashing[$"{host}:{port}"] = hashing;
        return Task.FromResult(0L);
    }
}
