namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>shard</c> object as this API writes it; uids are strings there, bdb_uid a number.</summary>
internal sealed record ShardDto
{
    public string Uid { get; init; } = "";
    public int BdbUid { get; init; }
    public string NodeUid { get; init; } = "";

    /// <summary>The stored role; <see cref="RedisInfo"/> has the role the process reports, which differs during a failover.</summary>
    public string Role { get; init; } = "";

    public string AssignedSlots { get; init; } = "";

    /// <summary>The stored status, or <c>inactive</c> while the node reports the process not running.</summary>
    public string Status { get; init; } = "";

    /// <summary>ok, loading, timeout, down or unknown, from the heartbeat of the shard's node.</summary>
    public string DetailedStatus { get; init; } = "";

    /// <summary>Replicas only, while their node reports them.</summary>
    public ShardSyncDto? Sync { get; init; }

    /// <summary>When this node received the heartbeat the health fields come from.</summary>
    public string? ReportTimestamp { get; init; }

    public ShardRedisInfoDto? RedisInfo { get; init; }
}

/// <summary>Redis Enterprise's shard <c>sync</c> object: <c>in_progress</c>, <c>idle</c> (replicating) or <c>link_down</c>.</summary>
/// <param name="Progress">Bytes the replica is behind its master, when both report offsets and the link is up.</param>
internal sealed record ShardSyncDto(string Status, long? Progress = null);

/// <summary>The subset of INFO replication that heartbeats carry, under INFO's names.</summary>
internal sealed record ShardRedisInfoDto
{
    /// <summary>master or slave, as the process reports it.</summary>
    public string Role { get; init; } = "";

    /// <summary>up or down; replicas only.</summary>
    public string? MasterLinkStatus { get; init; }

    public long? MasterReplOffset { get; init; }

    public long? SlaveReplOffset { get; init; }
}
