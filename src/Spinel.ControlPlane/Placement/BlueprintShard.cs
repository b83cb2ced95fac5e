using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

/// <summary>Where one shard of a master/replica group runs once a rebalance is done.</summary>
/// <param name="ShardUid">The shard as stored now (a moved master gets a new uid when it moves).</param>
/// <param name="NodeUid">Its node after the rebalance.</param>
/// <param name="Role">Its role, unchanged by a rebalance.</param>
public readonly record struct BlueprintShard(int ShardUid, int NodeUid, ShardRole Role);
