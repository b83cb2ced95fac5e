using System.Globalization;
using Spinel.ControlPlane.Backups;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Operations;

/// <summary>The periodic backup settings a database may have (Redis Enterprise refuses a backup without an interval).</summary>
public static class BackupRules
{
    public static OperationError? Check(BdbRecord bdb)
    {
        if (!bdb.Backup)
        {
            return null;
        }
        if (bdb.BackupInterval < BackupSchedule.MinInterval)
        {
            return new(OperationErrorKind.InvalidConfiguration, "missing_backup_interval",
                string.Create(CultureInfo.InvariantCulture, $"backup needs a backup_interval of at least {BackupSchedule.MinInterval} seconds, e.g. 3600"));
        }
        if (bdb.BackupIntervalOffset >= bdb.BackupInterval)
        {
            return new(OperationErrorKind.InvalidConfiguration, "invalid_backup_interval_offset",
                string.Create(CultureInfo.InvariantCulture, $"backup_interval_offset {bdb.BackupIntervalOffset} must be less than backup_interval {bdb.BackupInterval}"));
        }
        if (bdb.BackupLocation is null)
        {
            return new(OperationErrorKind.InvalidConfiguration, "missing_backup_location",
                "backup needs a backup_location, e.g. {\"type\": \"mount_point\", \"path\": \"/var/backups/spinel\"}");
        }
        return null;
    }
}
