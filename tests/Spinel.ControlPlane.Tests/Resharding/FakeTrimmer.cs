using System.Collections.Concurrent;
using Spinel.ControlPlane.Resharding;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Resharding;

/// <summary>Remembers which shard was asked to keep which slots.</summary>
internal sealed class FakeTrimmer : IShardTrimmer
{
    public ConcurrentDictionary<string, IReadOnlyList<SlotRange>> Trimmed { get; } = new();

    public Task<long> TrimAsync(string host, int port, IReadOnlyList<SlotRange> owned, CancellationToken cancellationToken)
    {
        Trimmed[$"{host}:{port}"] = owned;
        return Task.FromResult(0L);
    }
}
