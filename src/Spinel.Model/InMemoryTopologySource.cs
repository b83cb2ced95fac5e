using Microsoft.Extensions.Primitives;

namespace Spinel.Model;

/// <summary>A topology held in memory and replaced whole by <see cref="Update"/>. Thread-safe.</summary>
public sealed class InMemoryTopologySource : ITopologySource
{
    private readonly Lock _gate = new();
    private volatile TopologySnapshot _current;
    private CancellationTokenSource _changed = new();

    public InMemoryTopologySource(TopologySnapshot initial) => _current = initial;

    public TopologySnapshot Current => _current;

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Publishes a new snapshot; its version must be higher than the current one.</summary>
    public void Update(TopologySnapshot next)
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            if (next.Version <= _current.Version)
            {
                throw new ArgumentException($"Version {next.Version} is not newer than {_current.Version}.", nameof(next));
            }
            _current = next;
            fired = _changed;
            _changed = new CancellationTokenSource();
        }
        fired.Cancel();
        fired.Dispose();
    }
}
