using Spinel.ControlPlane.Backups;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Backups;

public sealed class BackupScheduleTests
{
    private static readonly DateTimeOffset TenThirty = new(2026, 3, 4, 10, 30, 0, TimeSpan.Zero);

    private static BdbRecord Hourly(int offset = 0) => Records.Bdb() with
    {
        Status = BdbStatus.Active,
        Backup = true,
        BackupInterval = 3600,
        BackupIntervalOffset = offset,
        BackupLocation = "/backups",
    };

    [Theory]
    [InlineData(0, "2026-03-04T10:00:00Z")]
    [InlineData(900, "2026-03-04T10:15:00Z")]
    [InlineData(2700, "2026-03-04T09:45:00Z")]
    public void PeriodStart_CountsIntervalsFromTheEpochShiftedByTheOffset(int offset, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BackupSchedule.PeriodStart(Hourly(offset), TenThirty));
    }

    [Fact]
    public void NeverBackedUp_IsDueAtOnce()
    {
        Assert.True(BackupSchedule.IsDue(Hourly(), TenThirty));
    }

    [Fact]
    public void BackedUpInThisPeriod_IsNotDueUntilTheNext()
    {
        var bdb = Hourly() with { BackupStatus = BackupStatus.Succeeded, LastBackupTime = TenThirty.AddMinutes(-25), LastBackupAttemptTime = TenThirty.AddMinutes(-25) };

        Assert.False(BackupSchedule.IsDue(bdb, TenThirty));
        Assert.False(BackupSchedule.IsDue(bdb, TenThirty.AddMinutes(29)));
        Assert.True(BackupSchedule.IsDue(bdb, TenThirty.AddMinutes(30)));
    }

    [Fact]
    public void FailedBackup_IsRetriedFiveMinutesLater()
    {
        var bdb = Hourly() with { BackupStatus = BackupStatus.Failed, LastBackupAttemptTime = TenThirty, LastBackupTime = TenThirty.AddHours(-1) };

        Assert.False(BackupSchedule.IsDue(bdb, TenThirty.AddMinutes(4)));
        Assert.True(BackupSchedule.IsDue(bdb, TenThirty.AddMinutes(5)));
    }

    [Fact]
    public void FailedBackup_WithAShortInterval_IsRetriedAfterOneInterval()
    {
        var bdb = Hourly() with { BackupInterval = 60, BackupStatus = BackupStatus.Failed, LastBackupAttemptTime = TenThirty };

        Assert.False(BackupSchedule.IsDue(bdb, TenThirty.AddSeconds(59)));
        Assert.True(BackupSchedule.IsDue(bdb, TenThirty.AddSeconds(60)));
    }

    [Fact]
    public void Disabled_Busy_OrWithoutALocation_IsNeverDue()
    {
        Assert.False(BackupSchedule.IsDue(Hourly() with { Backup = false }, TenThirty));
        Assert.False(BackupSchedule.IsDue(Hourly() with { Status = BdbStatus.ActiveChangePending }, TenThirty));
        Assert.False(BackupSchedule.IsDue(Hourly() with { BackupLocation = null }, TenThirty));
        Assert.False(BackupSchedule.IsDue(Hourly() with { BackupInterval = 0 }, TenThirty));
    }
}
