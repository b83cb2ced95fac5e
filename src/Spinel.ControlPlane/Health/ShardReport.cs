using Spinel.Model;

namespace Spinel.ControlPlane.Health;

/// <summary>What a node agent last saw of one of its shard processes, as carried by a heartbeat.</summary>
public sealed record ShardReport
{
    public required int Uid { get; init; }

    public required ReportedShardState State { get; init; }

    /// <summary>The role redis-server reports (INFO replication); null when it could not be asked.</summary>
    public ShardRole? Role { get; init; }

    /// <summary>For a replica: whether its link to the master is up; null for a master or when unknown.</summary>
    public bool? MasterLinkUp { get; init; }

    /// <summary>master_repl_offset of a master, the processed offset of a replica.</summary>
    public long ReplicationOffset { get; init; }

    /// <summary>A master of a replicated pair that died and waits for the control plane (fail over or allow a restart).</summary>
    public bool AwaitingDecision { get; init; }

    /// <summary>The <see cref="Store.ShardRecord.Generation"/> the agent applies.</summary>
    public long Generation { get; init; }

    /// <summary>Why the last start or health check failed; null when none did.</summary>
    public string? LastError { get; init; }

    /// <summary>Whether the report says the shard does not serve: it crashed, failed, hangs, or waits for a decision.</summary>
    public static bool SaysDown(ShardReport? report) =>
        report is { State: ReportedShardState.Crashed or ReportedShardState.Failed or ReportedShardState.Unresponsive } or { AwaitingDecision: true };
}
