using Microsoft.Extensions.Hosting;
using Spinel.Model;
using Spinel.NodeAgent;
using Spinel.Proxy.Hosting;

namespace Spinel.Node;

/// <summary>Once this node's shards answer and its endpoints listen, prints how to connect (the line <c>./spinel up</c> waits for).</summary>
internal sealed class ReadyBanner(ITopologySource topology, IShardStatusProvider shards, IEndpointStatusProvider endpoints,
    NodeOptions node, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wanted = topology.Current.ShardsOnNode(node.Uid).Count();
            var running = shards.GetStatuses().Count(s => s.State == ShardState.Running);
            var listening = endpoints.GetStatuses().Where(e => e.State == EndpointState.Listening).ToList();
            var expected = topology.Current.EndpointsOnNode(node.Uid).Count();
            if (running >= wanted && listening.Count >= expected)
            {
                foreach (var endpoint in listening)
                {
                    Console.WriteLine($"READY database {endpoint.Name} (bdb {endpoint.BdbUid}) at {node.Address}:{endpoint.Port} -- connect with: redis-cli -h {node.Address} -p {endpoint.Port}");
                }
                return;
            }
            await Task.Delay(100, stoppingToken).ConfigureAwait(false);
        }
    }
}
