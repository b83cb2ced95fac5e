namespace Spinel.Api.Auth;

/// <summary>What an endpoint needs the caller's role to allow.</summary>
internal enum ApiPermission
{
    /// <summary>Reading the cluster, its nodes, databases, shards, actions, users, roles and Redis ACLs: every role but <c>none</c>.</summary>
    Read,

    /// <summary>Creating, changing and deleting databases: <c>admin</c>, <c>cluster_member</c>, <c>db_member</c>.</summary>
    ManageDatabases,

    /// <summary>Creating, changing and deleting users, roles and Redis ACLs: <c>admin</c>, <c>user_manager</c>.</summary>
    ManageUsers,

    /// <summary>Changing the cluster and its membership: <c>admin</c>.</summary>
    ManageCluster,
}
