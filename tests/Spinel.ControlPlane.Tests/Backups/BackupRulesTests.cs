using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Backups;

public sealed class BackupRulesTests
{
    [Theory]
    [InlineData(true, 0, 0, "/b", "missing_backup_interval")]
    [InlineData(true, 9, 0, "/b", "missing_backup_interval")]
    [InlineData(true, 3600, 3600, "/b", "invalid_backup_interval_offset")]
    [InlineData(true, 3600, 0, null, "missing_backup_location")]
    [InlineData(true, 3600, 3599, "/b", null)]
    [InlineData(false, 0, 0, null, null)]
    public void Check(bool backup, int interval, int offset, string? location, string? error)
    {
        var bdb = Records.Bdb() with { Backup = backup, BackupInterval = interval, BackupIntervalOffset = offset, BackupLocation = location };

        Assert.Equal(error, BackupRules.Check(bdb)?.ErrorCode);
    }
}
