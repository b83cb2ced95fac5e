namespace Spinel.ControlPlane.Health;

/// <summary>
/// The store version a node must have applied before the leader renews its write lease. Raised by every failover, so a
/// node that has not yet learned that its master moved away cannot keep taking writes for it.
/// </summary>
public sealed class LeaderFence
{
    private long _version;

    public long Version => Volatile.Read(ref _version);

    public void Raise(long version)
    {
        var current = Volatile.Read(ref _version);
        while (version > current)
        {
            var seen = Interlocked.CompareExchange(ref _version, version, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
