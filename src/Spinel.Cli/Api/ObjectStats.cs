using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>One object of a stats answer (<c>GET /v1/bdbs/stats/last/{uid}</c>): its uid and its intervals, oldest first.</summary>
internal sealed record ObjectStats
{
    [JsonPropertyName("uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Uid { get; init; }

    [JsonPropertyName("intervals")]
    public IReadOnlyList<StatsIntervalInfo>? Intervals { get; init; }
}
