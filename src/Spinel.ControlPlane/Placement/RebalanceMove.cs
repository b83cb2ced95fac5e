namespace Spinel.ControlPlane.Placement;

/// <summary>One planned move of a rebalance: the shard goes from its node to another.</summary>
/// <param name="ShardUid">The shard as stored now; a moved master keeps its role on the new node, under a new uid.</param>
/// <param name="FromNodeUid">The node it runs on now.</param>
/// <param name="ToNodeUid">The node it goes to.</param>
public readonly record struct RebalanceMove(int ShardUid, int FromNodeUid, int ToNodeUid);
