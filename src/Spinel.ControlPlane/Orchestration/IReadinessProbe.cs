using Spinel.Model;
namespace Spinel.ControlPlane.Orchestration;

/// <summary>How the orchestrator sees whether the processes it asked for serve: a seam for tests.</summary>
public interface IReadinessProbe
{
    /// <summary>Whether a redis-server answers PING with PONG at the address (not loading, not refusing).</summary>
    Task<bool> IsShardServingAsync(string host, int port, CancellationToken cancellationToken);

    /// <summary>Whether a database endpoint answers PING at the address (PONG, or NOAUTH when it has a password).</summary>
    Task<bool> IsEndpointServingAsync(string host, int port, CancellationToken cancellationToken);

    /// <summary>Whether anything accepts TCP connections at the address.</summary>
    Task<bool> IsPortOpenAsync(string host, int port, CancellationToken cancellationToken);

    /// <summary>The shard's INFO replication; null when it does not answer in time.</summary>
    Task<ReplicationInfo?> GetReplicationAsync(string host, int port, CancellationToken cancellationToken);
}
