using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Management role of a user (<c>role</c> of a user object).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum UserRole
{
    [JsonStringEnumMemberName("admin")]
    Admin,

    [JsonStringEnumMemberName("cluster_member")]
    ClusterMember,

    [JsonStringEnumMemberName("cluster_viewer")]
    ClusterViewer,

    [JsonStringEnumMemberName("db_member")]
    DbMember,

    [JsonStringEnumMemberName("db_viewer")]
    DbViewer,

    [JsonStringEnumMemberName("user_manager")]
    UserManager,

    [JsonStringEnumMemberName("none")]
    None,
}
