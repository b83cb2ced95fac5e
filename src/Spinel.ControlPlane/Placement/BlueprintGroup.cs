using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

/// <summary>A master and its replicas after a rebalance (one entry of Redis Enterprise's rebalance blueprint).</summary>
/// <param name="Slots">The master's slots.</param>
/// <param name="Shards">The master first, then its replicas by uid.</param>
public sealed record BlueprintGroup(ValueList<SlotRange> Slots, ValueList<BlueprintShard> Shards);
