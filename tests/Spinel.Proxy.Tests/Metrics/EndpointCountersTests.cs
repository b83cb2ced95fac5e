using System.Diagnostics;
using Spinel.Proxy.Metrics;
using Spinel.Resp.Commands;

namespace Spinel.Proxy.Tests.Metrics;

public sealed class EndpointCountersTests
{
    [Theory]
    [InlineData("set", RequestKind.Write)]
    [InlineData("get", RequestKind.Read)]
    [InlineData("ping", RequestKind.Other)]
    [InlineData("del", RequestKind.Write)]
    [InlineData("mget", RequestKind.Read)]
    public void RequestKinds_FromCommandTableFlags_ClassifyLikeRedisEnterprise(string command, RequestKind expected)
    {
        Assert.True(CommandTable.TryGet(System.Text.Encoding.ASCII.GetBytes(command), out var info));
        Assert.Equal(expected, RequestKinds.Of(info.Flags));
    }

    [Fact]
    public void Snapshot_AfterRequestsAndResponses_CountsByKindAndLatencyBucket()
    {
        var counters = new EndpointCounters();
        counters.OnConnected();
        counters.OnConnected();
        counters.OnDisconnected();
        counters.OnRequest(RequestKind.Write);
        counters.OnRequest(RequestKind.Write);
        counters.OnRequest(RequestKind.Read);
        counters.OnResponse(RequestKind.Write, Stopwatch.GetTimestamp());
        counters.OnResponse(RequestKind.Write, Stopwatch.GetTimestamp() - Stopwatch.Frequency);
        counters.AddIngress(100);
        counters.AddEgress(40);
        counters.OnAuthFailed();

        var snapshot = counters.Snapshot(bdbUid: 3, port: 12000);

        Assert.Equal((1, 2, 1), (snapshot.Connections, snapshot.AcceptedConnections, snapshot.Disconnections));
        Assert.Equal((1, 2, 0, 3), (snapshot.ReadRequests, snapshot.WriteRequests, snapshot.OtherRequests, snapshot.TotalRequests));
        Assert.Equal((0, 2), (snapshot.ReadResponses, snapshot.WriteResponses));
        Assert.Equal((100, 40, 1), (snapshot.IngressBytes, snapshot.EgressBytes, snapshot.AuthFailures));
        Assert.Equal(2, snapshot.WriteLatency.Count);
        Assert.Equal(1, snapshot.WriteLatency.Counts[LatencyBuckets.IndexOf(1_000_000)]);
        Assert.InRange(snapshot.WriteLatency.SumMicroseconds, 1_000_000, 1_100_000);
        Assert.Equal(0, snapshot.ReadLatency.Count);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(50, 0)]
    [InlineData(51, 1)]
    [InlineData(999_999, 12)]
    [InlineData(5_000_000, 13)]
    public void IndexOf_Microseconds_FindsTheBucketWhoseUpperBoundHoldsIt(long microseconds, int expected) =>
        Assert.Equal(expected, LatencyBuckets.IndexOf(microseconds));
}
