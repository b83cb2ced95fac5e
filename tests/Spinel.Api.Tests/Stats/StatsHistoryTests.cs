using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Spinel.Api.Stats;

namespace Spinel.Api.Tests.Stats;

public sealed class StatsHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Query_OneSecondSamples_GivesCounterDeltasAndGaugesAtTheEnd()
    {
        var history = new StatsHistory();
        history.Record(Snapshot(T0, writes: 10, keys: 5));
        history.Record(Snapshot(T0.AddSeconds(1), writes: 25, keys: 9));
        history.Record(Snapshot(T0.AddSeconds(2), writes: 26, keys: 9));

        var records = history.Query(StatsKind.Bdb, StatsInterval.Find("1sec")!, null, null);

        Assert.Equal([(T0, 15L, 9L), (T0.AddSeconds(1), 1L, 9L)], records.Select(r => (r.Stime, r.Figures.WriteRequests, r.Figures.Keys)));
        Assert.All(records, r => Assert.Equal(TimeSpan.FromSeconds(1), r.Etime - r.Stime));
    }

    [Fact]
    public void Query_TenSecondInterval_KeepsOnlyTheFirstSampleOfEachAlignedInterval()
    {
        var history = new StatsHistory();
        for (var s = 3; s <= 25; s++)
        {
            history.Record(Snapshot(T0.AddSeconds(s), writes: s * 100, keys: s));
        }

        var records = history.Query(StatsKind.Bdb, StatsInterval.Find("10sec")!, null, null);

        // Snapshots at :03 (interval :00), :10 and :20: two complete intervals, labelled by their aligned starts.
        Assert.Equal([(T0, T0.AddSeconds(10), 700L), (T0.AddSeconds(10), T0.AddSeconds(20), 1000L)],
            records.Select(r => (r.Stime, r.Etime, r.Figures.WriteRequests)));
    }

    [Fact]
    public void Query_WithCurrentSnapshotAndTimeRange_AddsTheIntervalInProgressAndFilters()
    {
        var history = new StatsHistory();
        for (var s = 0; s < 5; s++)
        {
            history.Record(Snapshot(T0.AddSeconds(s), writes: s, keys: 1));
        }

        var current = Snapshot(T0.AddSeconds(4.5), writes: 40, keys: 1);
        var records = history.Query(StatsKind.Bdb, StatsInterval.Find("1sec")!, T0.AddSeconds(2), null, current);

        Assert.Equal([T0.AddSeconds(2), T0.AddSeconds(3), T0.AddSeconds(4)], records.Select(r => r.Stime));
        Assert.Equal(36, records[^1].Figures.WriteRequests);
    }

    [Fact]
    public void Query_CounterWentBackwards_CountsFromZero()
    {
        var history = new StatsHistory();
        history.Record(Snapshot(T0, writes: 100, keys: 0));
        history.Record(Snapshot(T0.AddSeconds(1), writes: 7, keys: 0));

        Assert.Equal(7, history.Query(StatsKind.Bdb, StatsInterval.Find("1sec")!, null, null).Single().Figures.WriteRequests);
    }

    [Fact]
    public void MergeLatest_NodesWhoseCurrentIntervalsStartApart_AddsEveryNodesLatestShare()
    {
        var a = new[] { Record(T0, 3), Record(T0.AddSeconds(1), 4) };
        var b = new[] { Record(T0, 5) };

        var merged = StatsCollector.MergeLatest([a, b]).Single();

        Assert.Equal((T0.AddSeconds(1), 9L), (merged.Stime, merged.Figures.Keys));
    }

    [Theory]
    [InlineData("interval=2sec")]
    [InlineData("stime=yesterday")]
    [InlineData("stime=2026-11-23T21:00:00Z&etime=2026-11-23T20:00:00Z")]
    public void TryRead_BadQuery_SaysWhy(string query)
    {
        var parsed = StatsQuery.TryRead(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)), out var error);

        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryRead_NoInterval_DefaultsToOneSecond()
    {
        var parsed = StatsQuery.TryRead(new QueryCollection(new Dictionary<string, StringValues> { ["stime"] = "2026-11-23T21:00:00Z" }), out _);

        Assert.Equal(("1sec", T0), (parsed!.Interval.Name, parsed.Stime!.Value));
    }

    private static StatsRecord Record(DateTimeOffset stime, long keys) => new(1, stime, stime.AddSeconds(1), new StatsFigures { Keys = keys });

    private static StatsSnapshot Snapshot(DateTimeOffset time, long writes, long keys) => new(time, new Dictionary<StatsKind, IReadOnlyDictionary<int, StatsFigures>>
    {
        [StatsKind.Bdb] = new Dictionary<int, StatsFigures> { [1] = new() { WriteRequests = writes, Keys = keys } },
    });
}
