using System.Diagnostics.CodeAnalysis;
using Spinel.ControlPlane.Operations;

namespace Spinel.ControlPlane.Placement;

/// <summary>What <see cref="Rebalancer.Plan"/> decided: a <see cref="RebalancePlan"/>, or why there is none.</summary>
public sealed record RebalanceResult
{
    private RebalanceResult()
    {
    }

    /// <summary>The moves; null when <see cref="Error"/> says why there are none.</summary>
    public RebalancePlan? Plan { get; private init; }

    /// <summary>
    /// Why no plan: <c>db_not_found</c> (<see cref="OperationErrorKind.NotFound"/>), or <c>insufficient_resources</c> /
    /// <c>invalid_replication</c> (<see cref="OperationErrorKind.InvalidConfiguration"/>) when the active nodes cannot hold
    /// the database's shards.
    /// </summary>
    public OperationError? Error { get; private init; }

    [MemberNotNullWhen(true, nameof(Plan))]
    public bool Succeeded => Plan is not null;

    public static RebalanceResult Ok(RebalancePlan plan) => new() { Plan = plan };

    public static RebalanceResult Fail(OperationErrorKind kind, string errorCode, string description) =>
        new() { Error = new OperationError(kind, errorCode, description) };
}
