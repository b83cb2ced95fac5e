namespace Spinel.NodeAgent.Processes;

/// <summary>A shard process could not be brought up; the message is fit for <see cref="ShardStatus.LastError"/>.</summary>
internal sealed class ShardStartException(string message, int? exitCode = null, bool portInUse = false, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Exit code when the process exited while starting.</summary>
    public int? ExitCode { get; } = exitCode;

    /// <summary>True when redis-server reported that its port was taken.</summary>
    public bool PortInUse { get; } = portInUse;
}
