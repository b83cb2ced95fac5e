using System.Collections.Concurrent;

namespace Spinel.Api.Auth;

/// <summary>
/// Redis Enterprise's login lockout on this node: after <see cref="SpinelApiOptions.LoginLockoutThreshold"/> wrong
/// passwords for a user, each within <see cref="SpinelApiOptions.LoginLockoutCounterResetAfter"/> of the previous one,
/// the user cannot log in here for <see cref="SpinelApiOptions.LoginLockoutDuration"/>, right password or not. Only
/// users that exist are counted, so made-up names cost no memory. Thread-safe.
/// </summary>
internal sealed class LoginLockout(SpinelApiOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<int, Failures> _failures = new();

    /// <summary>When the user's lockout ends; null when the user may try to log in.</summary>
    public DateTimeOffset? LockedUntil(int userUid)
    {
        if (options.LoginLockoutThreshold <= 0 || !_failures.TryGetValue(userUid, out var failures) || failures.LockedUntil is not { } until)
        {
            return null;
        }
        if (time.GetUtcNow() < until)
        {
            return until;
        }
        _failures.TryRemove(new KeyValuePair<int, Failures>(userUid, failures));
        return null;
    }

    /// <summary>Counts a wrong password; returns the end of the lockout when this failure starts one.</summary>
    public DateTimeOffset? Failed(int userUid)
    {
        if (options.LoginLockoutThreshold <= 0)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var updated = _failures.AddOrUpdate(userUid,
            _ => new Failures(1, now, null),
            (_, previous) => now - previous.Last > options.LoginLockoutCounterResetAfter
                ? new Failures(1, now, null)
                : previous with { Count = previous.Count + 1, Last = now });
        if (updated.Count < options.LoginLockoutThreshold || updated.LockedUntil is not null)
        {
            return null;
        }
        var until = now + options.LoginLockoutDuration;
        _failures[userUid] = updated with { LockedUntil = until };
        return until;
    }

    public void Succeeded(int userUid) => _failures.TryRemove(userUid, out _);

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset? LockedUntil);
}
