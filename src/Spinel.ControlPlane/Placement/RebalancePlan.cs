using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Placement;

/// <summary>What <see cref="Rebalancer.Plan"/> decided for one database: the moves, in the order to run them, and the layout they lead to.</summary>
public sealed record RebalancePlan
{
    public required int BdbUid { get; init; }

    /// <summary>Empty when the database already follows its placement policy (or the plan was capped at 0 moves).</summary>
    public ValueList<RebalanceMove> Moves { get; init; }

    /// <summary>Every master/replica group after the moves, in slot order.</summary>
    public ValueList<BlueprintGroup> Blueprint { get; init; }
}
