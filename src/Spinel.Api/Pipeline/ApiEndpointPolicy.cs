using Spinel.Api.Auth;

namespace Spinel.Api.Pipeline;

/// <summary>Endpoint metadata: the permission an endpoint needs, and whether it is a write that the leader must run.</summary>
/// <param name="Permission">Checked against the caller's role.</param>
/// <param name="RunsOnLeader">A write: on a follower it is forwarded to the leader; without a quorum it gets 503.</param>
/// <param name="IsBootstrap">Allowed without credentials while the node is in no cluster.</param>
/// <param name="BodyOptional">A write that may come without a body (and then without a Content-Type): an action with only optional fields.</param>
internal sealed record ApiEndpointPolicy(ApiPermission Permission, bool RunsOnLeader, bool IsBootstrap = false, bool BodyOptional = false)
{
    public static ApiEndpointPolicy Read { get; } = new(ApiPermission.Read, RunsOnLeader: false);

    public static ApiEndpointPolicy DatabaseWrite { get; } = new(ApiPermission.ManageDatabases, RunsOnLeader: true);

    public static ApiEndpointPolicy UserWrite { get; } = new(ApiPermission.ManageUsers, RunsOnLeader: true);

    public static ApiEndpointPolicy ClusterWrite { get; } = new(ApiPermission.ManageCluster, RunsOnLeader: true);

    /// <summary>Shard failover and migration: Redis Enterprise lets database managers run them, as database changes.</summary>
    public static ApiEndpointPolicy ShardAction { get; } = new(ApiPermission.ManageDatabases, RunsOnLeader: true, BodyOptional: true);

    /// <summary>Database actions (<c>rebalance</c>): options in the query, so the body may be absent.</summary>
    public static ApiEndpointPolicy DatabaseAction { get; } = new(ApiPermission.ManageDatabases, RunsOnLeader: true, BodyOptional: true);

    /// <summary>Node actions (<c>remove</c>): admin only.</summary>
    public static ApiEndpointPolicy NodeAction { get; } = new(ApiPermission.ManageCluster, RunsOnLeader: true, BodyOptional: true);

    /// <summary>Cluster secrets a joining node needs (the CA): admin only, answered by any member, no body.</summary>
    public static ApiEndpointPolicy ClusterSecret { get; } = new(ApiPermission.ManageCluster, RunsOnLeader: false, BodyOptional: true);

    public static ApiEndpointPolicy BootstrapRead { get; } = new(ApiPermission.Read, RunsOnLeader: false, IsBootstrap: true);

    /// <summary>Bootstrap runs on the node asked, never on the leader; once the node is in a cluster only an admin may try.</summary>
    public static ApiEndpointPolicy BootstrapWrite { get; } = new(ApiPermission.ManageCluster, RunsOnLeader: false, IsBootstrap: true);
}
