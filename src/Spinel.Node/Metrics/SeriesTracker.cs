using Prometheus;

namespace Spinel.Node.Metrics;

/// <summary>
/// Remembers which label sets of a family were written in the last update, so that series of shards, databases and
/// endpoints that are gone are removed instead of reporting their last value for ever. Not thread-safe: used under the
/// exporter's lock.
/// </summary>
internal sealed class SeriesTracker
{
    private readonly List<(int Labels, Action<string[]> Remove)> _families = [];
    private HashSet<string[]> _previous = new(LabelComparer.Instance);
    private HashSet<string[]> _current = new(LabelComparer.Instance);

    public T Track<T, TChild>(T family) where T : Collector<TChild> where TChild : ChildBase
    {
        _families.Add((family.LabelNames.Length, labels => family.RemoveLabelled(labels)));
        return family;
    }

    public string[] Seen(params string[] labels)
    {
        _current.Add(labels);
        return labels;
    }

    /// <summary>Removes, from every tracked family, the series whose labels were not <see cref="Seen"/> since the last call.</summary>
    public void RemoveUnseen()
    {
        foreach (var gone in _previous.Where(labels => !_current.Contains(labels)))
        {
            foreach (var family in _families.Where(f => f.Labels == gone.Length))
            {
                family.Remove(gone);
            }
        }
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    private sealed class LabelComparer : IEqualityComparer<string[]>
    {
        public static LabelComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] labels)
        {
            var hash = new HashCode();
            foreach (var label in labels)
            {
                hash.Add(label);
            }
            return hash.ToHashCode();
        }
    }
}
