using Spinel.Model;

namespace Spinel.NodeAgent.Processes;

/// <summary>Outcome of one health check: the replication state when the shard answered, otherwise why not.</summary>
internal sealed record HealthCheckResult(ReplicationInfo? Replication, string? Error, ShardInfoSample? Info = null)
{
    public static HealthCheckResult Healthy(ReplicationInfo replication, ShardInfoSample? info = null) => new(replication, null, info);

    public static HealthCheckResult Failed(string error) => new(null, error);
}
