namespace Spinel.Api.Stats;

/// <summary>Reads this node's share of the figures (its endpoints, its shards, itself); implemented by the node.</summary>
public interface IStatsSampler
{
    /// <summary>Cumulative figures now. Thread-safe; called once a second and on <c>/last</c> requests.</summary>
    StatsSnapshot Capture();
}
