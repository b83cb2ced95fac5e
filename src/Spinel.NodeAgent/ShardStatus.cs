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
}
