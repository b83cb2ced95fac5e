using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>
/// One interval of a stats answer, Redis Enterprise field names. Counters (<c>*_req</c>, <c>*_bytes</c>) are totals over
/// the interval, the others are levels at its end; <c>avg_latency</c> is in microseconds. Numbers are read as doubles
/// because Redis Enterprise writes some counters with a fraction.
/// </summary>
internal sealed record StatsIntervalInfo
{
    [JsonPropertyName("interval")]
    public string? Interval { get; init; }

    [JsonPropertyName("stime")]
    public string? Stime { get; init; }

    [JsonPropertyName("etime")]
    public string? Etime { get; init; }

    [JsonPropertyName("instantaneous_ops_per_sec")]
    public double? OpsPerSecond { get; init; }

    [JsonPropertyName("read_req")]
    public double? ReadRequests { get; init; }

    [JsonPropertyName("write_req")]
    public double? WriteRequests { get; init; }

    [JsonPropertyName("other_req")]
    public double? OtherRequests { get; init; }

    [JsonPropertyName("total_req")]
    public double? TotalRequests { get; init; }

    [JsonPropertyName("avg_latency")]
    public double? AverageLatencyMicroseconds { get; init; }

    [JsonPropertyName("conns")]
    public double? Connections { get; init; }

    [JsonPropertyName("used_memory")]
    public double? UsedMemory { get; init; }

    [JsonPropertyName("no_of_keys")]
    public double? Keys { get; init; }

    [JsonPropertyName("ingress_bytes")]
    public double? IngressBytes { get; init; }

    [JsonPropertyName("egress_bytes")]
    public double? EgressBytes { get; init; }
}
