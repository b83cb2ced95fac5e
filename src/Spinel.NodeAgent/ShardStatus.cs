using Spinel.Model;

namespace Spinel.NodeAgent;

/// <summary>What the node agent knows about one of its shards at one moment; immutable.</summary>
public sealed record ShardStatus
{
    public required int ShardUid { get; init; }

    public required int Port { get; init; }

    /// <summary>Pid of the current redis-server process; null when none is running.</summary>
    public int? Pid { get; init; }

    public ShardState State { get; init; } = ShardState.Starting;

    /// <summary>How many times the process was launched again after its first launch.</summary>
    public int Restarts { get; init; }

    /// <summary>Why the last start, health check or setting change failed; null when none did.</summary>
    public string? LastError { get; init; }

    /// <summary>Exit code of the previous process; 128 + signal number when a signal killed it.</summary>
    public int? LastExitCode { get; init; }

    /// <summary>The role the process reports in <c>INFO replication</c>; null while no process answers.</summary>
    public ShardRole? Role { get; init; }

    /// <summary>Whether a replica's link to its master is up; null for a master or while no process answers.</summary>
    public bool? MasterLinkUp { get; init; }

    /// <summary>
    /// Replication offset last reported: <c>master_repl_offset</c> of a master, <c>slave_repl_offset</c> of a replica.
    /// Kept after the process is gone.
    /// </summary>
    public long ReplicationOffset { get; init; }

    /// <summary>
    /// True while a master that has a replica is not relaunched because its process ended (or ran before this agent
    /// started): relaunching it empty would wipe its replica. It waits until the topology makes it a replica or
    /// raises its <see cref="ShardConfig.Generation"/> above <see cref="Generation"/>.
    /// </summary>
    public bool AwaitingDecision { get; init; }

    /// <summary>
    /// <see cref="ShardConfig.Generation"/> of the settings the process runs with; while <see cref="AwaitingDecision"/>,
    /// the generation it last ran with.
    /// </summary>
    public long Generation { get; init; }

    /// <summary>The figures of the last answered health check (memory, keys, clients, hits ...); null before the first.</summary>
    public ShardInfoSample? Info { get; init; }

    /// <summary>When the process last answered a health check (or its start probe); null when it never did.</summary>
    public DateTimeOffset? LastHealthyAt { get; init; }
}
