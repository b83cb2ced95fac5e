namespace Spinel.Proxy.Metrics;

/// <summary>
/// Cumulative latency observations of one request kind: per bucket of <see cref="LatencyBuckets"/>, how many requests
/// fell in it and the sum of their latencies in microseconds (so an exporter can rebuild exact sums). Immutable.
/// </summary>
public sealed record LatencyHistogramSnapshot(long[] Counts, long[] SumsMicroseconds)
{
    public long Count => Counts.Sum();

    public long SumMicroseconds => SumsMicroseconds.Sum();
}
