using System.Diagnostics.CodeAnalysis;
using Spinel.ControlPlane.Operations;

namespace Spinel.ControlPlane.Placement;

/// <summary>What <see cref="ShardPlacer.Place"/> decided: a <see cref="ShardPlan"/>, or why the shards do not fit.</summary>
public sealed record PlacementResult
{
    private PlacementResult()
    {
    }

    /// <summary>The shards to store; null when <see cref="Error"/> says why there are none.</summary>
    public ShardPlan? Plan { get; private init; }

    /// <summary>
    /// Why no plan: <c>insufficient_resources</c> (not enough shard slots, memory or ports on active nodes) or
    /// <c>invalid_replication</c> (replication with fewer than two active nodes), kind <see cref="OperationErrorKind.InvalidConfiguration"/>.
    /// </summary>
    public OperationError? Error { get; private init; }

    [MemberNotNullWhen(true, nameof(Plan))]
    public bool Succeeded => Plan is not null;

    public static PlacementResult Ok(ShardPlan plan) => new() { Plan = plan };

    public static PlacementResult Fail(string errorCode, string description) =>
        new() { Error = new OperationError(OperationErrorKind.InvalidConfiguration, errorCode, description) };
}
