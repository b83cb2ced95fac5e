namespace Spinel.Api.Stats;

/// <summary>
/// This node's bounded history: per interval, a ring of snapshots taken at the first sample of each interval
/// (<see cref="StatsInterval.Kept"/> of them), labelled with the interval's aligned start. An interval's record is the
/// difference of two neighbours, so nothing is summed on the way in. Thread-safe.
/// </summary>
public sealed class StatsHistory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedList<(DateTimeOffset Start, StatsSnapshot Snapshot)>> _rings =
        StatsInterval.All.ToDictionary(i => i.Name, _ => new LinkedList<(DateTimeOffset, StatsSnapshot)>());

    public void Record(StatsSnapshot snapshot)
    {
        lock (_gate)
        {
            foreach (var interval in StatsInterval.All)
            {
                var ring = _rings[interval.Name];
                var start = interval.Floor(snapshot.Time);
                if (ring.Last is { } last && last.Value.Start >= start)
                {
                    continue;
                }
                ring.AddLast((start, snapshot));
                // One more than kept: n snapshots bound n - 1 complete intervals.
                while (ring.Count > interval.Kept + 1)
                {
                    ring.RemoveFirst();
                }
            }
        }
    }

    /// <summary>
    /// The complete intervals that start at or after <paramref name="stime"/> and end at or before
    /// <paramref name="etime"/> (either may be null), for every object of <paramref name="kind"/>, oldest first; with
    /// <paramref name="current"/>, also the interval in progress, from its start to that snapshot.
    /// </summary>
    public IReadOnlyList<StatsRecord> Query(StatsKind kind, StatsInterval interval, DateTimeOffset? stime, DateTimeOffset? etime, StatsSnapshot? current = null)
    {
        List<(DateTimeOffset Start, StatsSnapshot Snapshot)> points;
        lock (_gate)
        {
            points = [.. _rings[interval.Name]];
        }
        var ends = points.Skip(1).Select(p => (End: p.Start, p.Snapshot)).ToList();
        if (current is not null && points.Count > 0)
        {
            ends.Add((current.Time, current));
        }
        var records = new List<StatsRecord>();
        for (var i = 0; i < ends.Count; i++)
        {
            var (start, before) = points[i];
            var (end, after) = ends[i];
            if ((stime is { } from && start < from) || (etime is { } to && end > to))
            {
                continue;
            }
            var earlier = before.Of(kind);
            foreach (var (uid, figures) in after.Of(kind))
            {
                records.Add(new StatsRecord(uid, start, end, figures.Since(earlier.GetValueOrDefault(uid, StatsFigures.Zero))));
            }
        }
        return records;
    }
}
