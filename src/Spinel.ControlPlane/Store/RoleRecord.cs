namespace Spinel.ControlPlane.Store;

/// <summary>
/// A role users hold (Redis Enterprise <c>role</c> object): it grants its management role on the REST API, and the
/// Redis ACL each database binds it to (<see cref="BdbRecord.RolesPermissions"/>) at that database's endpoint.
/// </summary>
public sealed record RoleRecord
{
    /// <summary>Cluster-wide role id; 0 in a <c>PutRole</c> command asks the store to assign the next one.</summary>
    public int Uid { get; init; }

    /// <summary>Unique name (compared case-insensitively).</summary>
    public required string Name { get; init; }

    /// <summary>What holders of the role may do through the REST API; <see cref="UserRole.None"/> grants data access only.</summary>
    public UserRole Management { get; init; } = UserRole.None;

    /// <summary>Revision of this record, set by the store: 1 when created, +1 on every change.</summary>
    public long Version { get; init; }
}
