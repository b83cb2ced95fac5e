namespace Spinel.Api.Stats;

/// <summary>
/// One object's figures at one moment: cumulative counters (requests, bytes, hits ...) and gauges (connections, memory,
/// keys); immutable. An interval's figures are the counters' difference and the gauges at its end.
/// </summary>
public sealed record StatsFigures
{
    public static StatsFigures Zero { get; } = new();

    public long ReadRequests { get; init; }

    public long WriteRequests { get; init; }

    public long OtherRequests { get; init; }

    /// <summary>Sum of the latencies of the requests counted, microseconds.</summary>
    public long LatencySumMicroseconds { get; init; }

    public long LatencyCount { get; init; }

    public long IngressBytes { get; init; }

    public long EgressBytes { get; init; }

    public long ReadHits { get; init; }

    public long ReadMisses { get; init; }

    public long EvictedObjects { get; init; }

    public long ExpiredObjects { get; init; }

    /// <summary>Gauge: client connections.</summary>
    public long Connections { get; init; }

    /// <summary>Gauge: bytes used by the shards.</summary>
    public long UsedMemory { get; init; }

    /// <summary>Gauge: keys (master shards only).</summary>
    public long Keys { get; init; }

    public StatsFigures Plus(StatsFigures other) => new()
    {
        ReadRequests = ReadRequests + other.ReadRequests,
        WriteRequests = WriteRequests + other.WriteRequests,
        OtherRequests = OtherRequests + other.OtherRequests,
        LatencySumMicroseconds = LatencySumMicroseconds + other.LatencySumMicroseconds,
        LatencyCount = LatencyCount + other.LatencyCount,
        IngressBytes = IngressBytes + other.IngressBytes,
        EgressBytes = EgressBytes + other.EgressBytes,
        ReadHits = ReadHits + other.ReadHits,
        ReadMisses = ReadMisses + other.ReadMisses,
        EvictedObjects = EvictedObjects + other.EvictedObjects,
        ExpiredObjects = ExpiredObjects + other.ExpiredObjects,
        Connections = Connections + other.Connections,
        UsedMemory = UsedMemory + other.UsedMemory,
        Keys = Keys + other.Keys,
    };

    /// <summary>Counters as the growth since <paramref name="start"/> (never negative: a restarted source counts from 0), gauges as now.</summary>
    public StatsFigures Since(StatsFigures start) => this with
    {
        ReadRequests = Grew(ReadRequests, start.ReadRequests),
        WriteRequests = Grew(WriteRequests, start.WriteRequests),
        OtherRequests = Grew(OtherRequests, start.OtherRequests),
        LatencySumMicroseconds = Grew(LatencySumMicroseconds, start.LatencySumMicroseconds),
        LatencyCount = Grew(LatencyCount, start.LatencyCount),
        IngressBytes = Grew(IngressBytes, start.IngressBytes),
        EgressBytes = Grew(EgressBytes, start.EgressBytes),
        ReadHits = Grew(ReadHits, start.ReadHits),
        ReadMisses = Grew(ReadMisses, start.ReadMisses),
        EvictedObjects = Grew(EvictedObjects, start.EvictedObjects),
        ExpiredObjects = Grew(ExpiredObjects, start.ExpiredObjects),
    };

    private static long Grew(long now, long before) => now >= before ? now - before : now;
}
