using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Backups;

/// <summary>
/// When a database's periodic backup is due: once per interval, the intervals counted from the Unix epoch and shifted by
/// <see cref="BdbRecord.BackupIntervalOffset"/>, so every leader agrees on them; a failed backup is tried again
/// <see cref="RetryAfterFailure"/> later (or after one interval, if shorter), as Redis Enterprise's scheduler does.
/// </summary>
public static class BackupSchedule
{
    /// <summary>Shortest interval accepted; Redis Enterprise offers 15 min to 24 h, shorter ones serve tests and demos.</summary>
    public const int MinInterval = 10;

    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    /// <summary>Backups that may run at once in the cluster (Redis Enterprise's <c>max_simultaneous_backups</c> default).</summary>
    public const int MaxSimultaneous = 4;

    /// <summary>The start of the backup interval that <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset PeriodStart(BdbRecord bdb, DateTimeOffset now)
    {
        var interval = (long)bdb.BackupInterval;
        var shifted = now.ToUnixTimeSeconds() - bdb.BackupIntervalOffset;
        var intoPeriod = ((shifted % interval) + interval) % interval;
        return DateTimeOffset.FromUnixTimeSeconds(shifted - intoPeriod + bdb.BackupIntervalOffset);
    }

    public static bool IsDue(BdbRecord bdb, DateTimeOffset now)
    {
        if (!bdb.Backup || bdb.BackupInterval <= 0 || bdb.BackupLocation is null || bdb.Status != BdbStatus.Active)
        {
            return false;
        }
        if (bdb.LastBackupTime >= PeriodStart(bdb, now))
        {
            return false;
        }
        var retryAfter = TimeSpan.FromSeconds(Math.Min(RetryAfterFailure.TotalSeconds, bdb.BackupInterval));
        return bdb.BackupStatus != BackupStatus.Failed || bdb.LastBackupAttemptTime is not { } attempt || now >= attempt + retryAfter;
    }
}
