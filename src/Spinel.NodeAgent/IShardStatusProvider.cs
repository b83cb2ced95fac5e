namespace Spinel.NodeAgent;

/// <summary>Reports the shard processes of this node, for health reports and the admin surfaces.</summary>
public interface IShardStatusProvider
{
    /// <summary>One status per shard this node currently manages, ordered by shard uid. Thread-safe.</summary>
    IReadOnlyList<ShardStatus> GetStatuses();
}
