using System.Text.Json.Serialization;

namespace Spinel.Api.Stats;

/// <summary>One object's intervals in a stats reply: <c>{uid, intervals}</c>.</summary>
public sealed record ObjectStatsDto(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("intervals")] IReadOnlyList<StatsIntervalDto> Intervals);
