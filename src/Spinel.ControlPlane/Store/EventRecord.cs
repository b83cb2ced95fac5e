namespace Spinel.ControlPlane.Store;

/// <summary>
/// One entry of the cluster's event log (Redis Enterprise's <c>/v1/logs</c>): something the cluster decided or saw,
/// stored in the same batch as the change it reports, so an event never appears without its change.
/// </summary>
public sealed record EventRecord
{
    /// <summary>Position in the log, set by the store: 1 for the first event ever, +1 for each one after it.</summary>
    public long Uid { get; init; }

    /// <summary>When it happened, as the proposer's clock read it (UTC).</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>What happened, e.g. <c>cluster_bdb_created</c> or <c>shard_failover</c>.</summary>
    public required string Type { get; init; }

    public EventSeverity Severity { get; init; } = EventSeverity.Info;

    /// <summary>One sentence for people.</summary>
    public string Description { get; init; } = "";

    public int? BdbUid { get; init; }

    public int? NodeUid { get; init; }

    public int? ShardUid { get; init; }

    public string? ActionUid { get; init; }

    /// <summary>Further fields of the event (e.g. <c>from_node_uid</c>, <c>mode</c>), shown next to the others.</summary>
    public ValueDictionary<string, string> Data { get; init; }
}
