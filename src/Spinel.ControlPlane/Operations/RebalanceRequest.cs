namespace Spinel.ControlPlane.Operations;

/// <param name="BdbUid">The database.</param>
/// <param name="DryRun">Plan only: the outcome carries the plan and no action is stored.</param>
/// <param name="OnlyFailovers">
/// Redis Enterprise's "only swap roles": Spinel plans no role swaps, so the plan moves nothing and its blueprint is the
/// layout as it is.
/// </param>
/// <param name="MaxOperations">At most this many shard moves (the first of the plan); null for no limit.</param>
public sealed record RebalanceRequest(int BdbUid, bool DryRun = false, bool OnlyFailovers = false, int? MaxOperations = null);
