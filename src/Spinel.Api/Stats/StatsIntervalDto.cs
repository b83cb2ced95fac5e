using System.Text.Json.Serialization;

namespace Spinel.Api.Stats;

/// <summary>One interval of one object in a stats reply (Redis Enterprise field names). Latency in microseconds.</summary>
public sealed record StatsIntervalDto
{
    [JsonPropertyName("interval")] public required string Interval { get; init; }
    [JsonPropertyName("stime")] public required string Stime { get; init; }
    [JsonPropertyName("etime")] public required string Etime { get; init; }
    [JsonPropertyName("avg_latency")] public double AvgLatency { get; init; }
    [JsonPropertyName("conns")] public long Conns { get; init; }
    [JsonPropertyName("egress_bytes")] public long EgressBytes { get; init; }
    [JsonPropertyName("ingress_bytes")] public long IngressBytes { get; init; }
    [JsonPropertyName("evicted_objects")] public long EvictedObjects { get; init; }
    [JsonPropertyName("expired_objects")] public long ExpiredObjects { get; init; }
    [JsonPropertyName("instantaneous_ops_per_sec")] public double InstantaneousOpsPerSec { get; init; }
    [JsonPropertyName("used_memory")] public long UsedMemory { get; init; }
    [JsonPropertyName("no_of_keys")] public long NoOfKeys { get; init; }
    [JsonPropertyName("read_hits")] public long ReadHits { get; init; }
    [JsonPropertyName("read_misses")] public long ReadMisses { get; init; }
    [JsonPropertyName("read_req")] public long ReadReq { get; init; }
    [JsonPropertyName("write_req")] public long WriteReq { get; init; }
    [JsonPropertyName("other_req")] public long OtherReq { get; init; }
    [JsonPropertyName("total_req")] public long TotalReq { get; init; }

    public static StatsIntervalDto From(StatsInterval interval, StatsRecord record)
    {
        var f = record.Figures;
        var total = f.ReadRequests + f.WriteRequests + f.OtherRequests;
        var seconds = Math.Max((record.Etime - record.Stime).TotalSeconds, 0.001);
        return new StatsIntervalDto
        {
            Interval = interval.Name,
            Stime = record.Stime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            Etime = record.Etime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            AvgLatency = f.LatencyCount == 0 ? 0 : Math.Round((double)f.LatencySumMicroseconds / f.LatencyCount, 1),
            Conns = f.Connections,
            EgressBytes = f.EgressBytes,
            IngressBytes = f.IngressBytes,
            EvictedObjects = f.EvictedObjects,
            ExpiredObjects = f.ExpiredObjects,
            InstantaneousOpsPerSec = Math.Round(total / seconds, 1),
            UsedMemory = f.UsedMemory,
            NoOfKeys = f.Keys,
            ReadHits = f.ReadHits,
            ReadMisses = f.ReadMisses,
            ReadReq = f.ReadRequests,
            WriteReq = f.WriteRequests,
            OtherReq = f.OtherRequests,
            TotalReq = total,
        };
    }
}
