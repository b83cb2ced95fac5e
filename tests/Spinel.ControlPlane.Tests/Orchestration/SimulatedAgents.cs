using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>
/// Stands in for the node agents' heartbeats: every few milliseconds each listed node reports its shards as the store
/// wants them (running, in their stored role) and the store version as applied. Nodes not listed stay silent.
/// </summary>
internal sealed class SimulatedAgents : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SimulatedAgents(InMemoryClusterStore store, IClusterHealth health, Func<int, bool> reporting, Func<ShardRecord, ShardReport, ShardReport>? adjust = null)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var state = store.Current;
                foreach (var node in state.Nodes.Values.Where(n => reporting(n.Uid)))
                {
                    health.Record(new NodeReport
                    {
                        NodeUid = node.Uid,
                        TopologyVersion = state.Version,
                        Shards = state.ShardsOnNode(node.Uid).OrderBy(s => s.Uid).Select(s =>
                        {
                            var report = new ShardReport { Uid = s.Uid, State = ReportedShardState.Running, Role = s.Role, Generation = s.Generation, MasterLinkUp = s.ReplicaOf is null ? null : true };
                            return adjust is null ? report : adjust(s, report);
                        }).ToList(),
                    });
                }
                try
                {
                    await Task.Delay(10, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
