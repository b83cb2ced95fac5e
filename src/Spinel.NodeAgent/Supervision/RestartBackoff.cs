namespace Spinel.NodeAgent.Supervision;

/// <summary>How long a failing shard waits before its next launch.</summary>
internal static class RestartBackoff
{
    /// <summary>
    /// Zero for the first failure in a row, then <paramref name="baseDelay"/> doubled for each further one,
    /// never more than <paramref name="maxDelay"/>.
    /// </summary>
    public static TimeSpan DelayFor(int consecutiveFailures, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (consecutiveFailures <= 1)
        {
            return TimeSpan.Zero;
        }
        var factor = Math.Pow(2, Math.Min(consecutiveFailures - 2, 30));
        var ticks = baseDelay.Ticks * factor;
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
