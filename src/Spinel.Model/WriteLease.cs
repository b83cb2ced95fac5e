namespace Spinel.Model;

/// <summary>
/// A write fence held open by renewals: each acknowledged heartbeat extends it to the moment its sender set. Times are
/// <see cref="Environment.TickCount64"/> milliseconds, a monotonic clock that keeps running while the process is stopped.
/// </summary>
public sealed class WriteLease : IWriteFence
{
    private long _expiresAt;

    /// <summary>A lease that allows writes until its first renewal window passes; <paramref name="openUntil"/> is a tick count.</summary>
    public WriteLease(long openUntil = long.MaxValue) => _expiresAt = openUntil;

    /// <summary>A fence that never closes (single-node or static topologies).</summary>
    public static IWriteFence AlwaysOpen { get; } = new WriteLease();

    public bool AllowsWrites => Environment.TickCount64 < Volatile.Read(ref _expiresAt);

    public long ExpiresAt => Volatile.Read(ref _expiresAt);

    /// <summary>Moves the expiry to <paramref name="expiresAt"/> unless it already lies later.</summary>
    public void Renew(long expiresAt)
    {
        var current = Volatile.Read(ref _expiresAt);
        while (expiresAt > current)
        {
            var seen = Interlocked.CompareExchange(ref _expiresAt, expiresAt, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    /// <summary>Closes the fence at once (the node learned it is no longer part of a majority).</summary>
    public void Revoke() => Volatile.Write(ref _expiresAt, 0);
}
