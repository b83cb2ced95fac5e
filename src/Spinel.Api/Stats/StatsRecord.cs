namespace Spinel.Api.Stats;

/// <summary>One object's figures over one interval, as one node saw them (nodes' records of one object add up).</summary>
public sealed record StatsRecord(int Uid, DateTimeOffset Stime, DateTimeOffset Etime, StatsFigures Figures);
