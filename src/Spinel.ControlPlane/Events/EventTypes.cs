namespace Spinel.ControlPlane.Events;

/// <summary>The <c>type</c> of each event the cluster logs, named as Redis Enterprise's event log names them where it has one.</summary>
// Stored in the event log: never rename one.
public static class EventTypes
{
    public const string BdbCreated = "cluster_bdb_created";
    public const string BdbUpdated = "bdb_updated";
    public const string BdbNameUpdated = "bdb_name_updated";
    public const string BdbDeleted = "cluster_bdb_deleted";
    public const string NodeJoined = "cluster_node_joined";
    public const string NodeRemoved = "cluster_node_removed";
    public const string NodeFailed = "node_failed";
    public const string NodeRecovered = "node_recovered";
    public const string ShardFailover = "shard_failover";
    public const string ActionFailed = "action_failed";
    public const string ReshardStarted = "bdb_reshard_started";
    public const string ReshardCompleted = "bdb_reshard_completed";
    public const string MigrationStarted = "shard_migration_started";
    public const string MigrationCompleted = "shard_migration_completed";
}
