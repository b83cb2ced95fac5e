namespace Spinel.Proxy.Metrics;

/// <summary>Upper bounds, in microseconds, of the proxy's request latency histogram buckets (the last one is +Inf).</summary>
public static class LatencyBuckets
{
    public static IReadOnlyList<double> UpperBoundsMicroseconds { get; } =
        [50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 500_000, 1_000_000, double.PositiveInfinity];

    /// <summary>Index of the bucket that holds <paramref name="microseconds"/>.</summary>
    public static int IndexOf(long microseconds)
    {
        var bounds = UpperBoundsMicroseconds;
        for (var i = 0; i < bounds.Count - 1; i++)
        {
            if (microseconds <= bounds[i])
            {
                return i;
            }
        }
        return bounds.Count - 1;
    }
}
