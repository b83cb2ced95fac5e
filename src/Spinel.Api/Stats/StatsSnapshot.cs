namespace Spinel.Api.Stats;

/// <summary>Everything one node contributes to the stats at one moment, by kind and object uid; immutable.</summary>
public sealed record StatsSnapshot(DateTimeOffset Time, IReadOnlyDictionary<StatsKind, IReadOnlyDictionary<int, StatsFigures>> Objects)
{
    public IReadOnlyDictionary<int, StatsFigures> Of(StatsKind kind) =>
        Objects.TryGetValue(kind, out var objects) ? objects : new Dictionary<int, StatsFigures>();
}
