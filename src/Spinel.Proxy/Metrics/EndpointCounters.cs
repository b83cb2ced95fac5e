using System.Diagnostics;

namespace Spinel.Proxy.Metrics;

/// <summary>
/// The live counters of one endpoint. Written on the request path with one <see cref="Interlocked"/> add per figure and
/// no allocation or lock; read only when someone asks for a snapshot (a scrape, the stats sampler). Thread-safe.
/// </summary>
public sealed class EndpointCounters
{
    private static readonly int BucketCount = LatencyBuckets.UpperBoundsMicroseconds.Count;

    private readonly long[] _requests = new long[4];
    private readonly long[] _responses = new long[4];
    // Per kind, then per bucket: counts at [kind * BucketCount + bucket], latency sums alongside.
    private readonly long[] _latencyCounts = new long[4 * BucketCount];
    private readonly long[] _latencySums = new long[4 * BucketCount];
    private long _connections;
    private long _accepted;
    private long _disconnections;
    private long _rejected;
    private long _authFailures;
    private long _ingress;
    private long _egress;

    public void OnConnected()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _connections);
    }

    public void OnDisconnected()
    {
        Interlocked.Increment(ref _disconnections);
        Interlocked.Decrement(ref _connections);
    }

    public void OnRejected() => Interlocked.Increment(ref _rejected);

    public void OnAuthFailed() => Interlocked.Increment(ref _authFailures);

    public void OnRequest(RequestKind kind) => Interlocked.Increment(ref _requests[(int)kind]);

    /// <summary>Counts the response of a request that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch"/> ticks).</summary>
    public void OnResponse(RequestKind kind, long startTimestamp)
    {
        Interlocked.Increment(ref _responses[(int)kind]);
        var microseconds = (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
        var index = ((int)kind * BucketCount) + LatencyBuckets.IndexOf(microseconds);
        Interlocked.Increment(ref _latencyCounts[index]);
        Interlocked.Add(ref _latencySums[index], microseconds);
    }

    public void AddIngress(long bytes) => Interlocked.Add(ref _ingress, bytes);

    public void AddEgress(long bytes) => Interlocked.Add(ref _egress, bytes);

    public EndpointCounterSnapshot Snapshot(int bdbUid, int port) => new()
    {
        BdbUid = bdbUid,
        Port = port,
        Connections = Interlocked.Read(ref _connections),
        AcceptedConnections = Interlocked.Read(ref _accepted),
        Disconnections = Interlocked.Read(ref _disconnections),
        RejectedConnections = Interlocked.Read(ref _rejected),
        AuthFailures = Interlocked.Read(ref _authFailures),
        ReadRequests = Interlocked.Read(ref _requests[(int)RequestKind.Read]),
        WriteRequests = Interlocked.Read(ref _requests[(int)RequestKind.Write]),
        OtherRequests = Interlocked.Read(ref _requests[(int)RequestKind.Other]),
        ReadResponses = Interlocked.Read(ref _responses[(int)RequestKind.Read]),
        WriteResponses = Interlocked.Read(ref _responses[(int)RequestKind.Write]),
        OtherResponses = Interlocked.Read(ref _responses[(int)RequestKind.Other]),
        IngressBytes = Interlocked.Read(ref _ingress),
        EgressBytes = Interlocked.Read(ref _egress),
        ReadLatency = Latency(RequestKind.Read),
        WriteLatency = Latency(RequestKind.Write),
        OtherLatency = Latency(RequestKind.Other),
    };

    private LatencyHistogramSnapshot Latency(RequestKind kind)
    {
        var counts = new long[BucketCount];
        var sums = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            counts[i] = Interlocked.Read(ref _latencyCounts[((int)kind * BucketCount) + i]);
            sums[i] = Interlocked.Read(ref _latencySums[((int)kind * BucketCount) + i]);
        }
        return new LatencyHistogramSnapshot(counts, sums);
    }
}
