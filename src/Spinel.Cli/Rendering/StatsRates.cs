using System.Globalization;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>The counters of one stats interval as per-second rates.</summary>
internal sealed record StatsRates(double Ops, double Reads, double Writes, double Other, double IngressBytes, double EgressBytes)
{
    public static StatsRates From(StatsIntervalInfo interval)
    {
        var seconds = Seconds(interval);
        double PerSecond(double? count) => (count ?? 0) / seconds;
        return new StatsRates(
            interval.OpsPerSecond ?? PerSecond(Total(interval)),
            PerSecond(interval.ReadRequests),
            PerSecond(interval.WriteRequests),
            PerSecond(interval.OtherRequests),
            PerSecond(interval.IngressBytes),
            PerSecond(interval.EgressBytes));
    }

    /// <remarks>
    /// <c>stime</c> and <c>etime</c> carry whole seconds, too coarse for the interval in progress (often under a second
    /// old), while the server's ops/s is its request total over the exact length: so the length is total / ops/s when
    /// both are there, else what the times say, else the one second that was asked for.
    /// </remarks>
    private static double Seconds(StatsIntervalInfo interval)
    {
        var total = Total(interval);
        if (total > 0 && interval.OpsPerSecond is > 0 and var ops)
        {
            return total / ops;
        }
        if (Time(interval.Stime) is { } start && Time(interval.Etime) is { } end && end > start)
        {
            return (end - start).TotalSeconds;
        }
        return 1;
    }

    private static double Total(StatsIntervalInfo interval) =>
        interval.TotalRequests ?? (interval.ReadRequests ?? 0) + (interval.WriteRequests ?? 0) + (interval.OtherRequests ?? 0);

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
