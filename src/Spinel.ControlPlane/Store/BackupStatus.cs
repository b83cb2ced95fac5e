using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>How the last periodic backup of a database ended (<c>backup_status</c>); a running one is read from its action.</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum BackupStatus
{
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
