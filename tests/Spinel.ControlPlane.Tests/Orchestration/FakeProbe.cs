using System.Collections.Concurrent;
using Spinel.ControlPlane.Orchestration;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>Answers as the test says: which shard and endpoint addresses serve, which ports are taken.</summary>
internal sealed class FakeProbe : IReadinessProbe
{
    public bool ShardsServe { get; set; } = true;

    public bool EndpointsServe { get; set; } = true;

    public ConcurrentDictionary<string, bool> OpenPorts { get; } = new();

    public ConcurrentBag<string> EndpointChecks { get; } = [];

    public Task<bool> IsShardServingAsync(string host, int port, CancellationToken cancellationToken) => Task.FromResult(ShardsServe);

    public Task<bool> IsEndpointServingAsync(string host, int port, CancellationToken cancellationToken)
    {
        EndpointChecks.Add($"{host}:{port}");
        return Task.FromResult(EndpointsServe);
    }

    public Task<bool> IsPortOpenAsync(string host, int port, CancellationToken cancellationToken) =>
        Task.FromResult(OpenPorts.ContainsKey($"{host}:{port}"));

    /// <summary>Replication state by <c>host:port</c>; a shard not listed does not answer.</summary>
    public ConcurrentDictionary<string, ReplicationInfo> Replication { get; } = new();

    /// <summary>Answers for shards not in <see cref="Replication"/>; null leaves them silent.</summary>
    public Func<string, int, ReplicationInfo?>? ReplicationAnswer { get; set; }

    public Task<ReplicationInfo?> GetReplicationAsync(string host, int port, CancellationToken cancellationToken) =>
        Task.FromResult(Replication.TryGetValue($"{host}:{port}", out var info) ? info : ReplicationAnswer?.Invoke(host, port));
}
