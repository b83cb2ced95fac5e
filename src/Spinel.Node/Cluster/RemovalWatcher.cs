using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.ControlPlane;
using Spinel.Model;

namespace Spinel.Node.Cluster;

/// <summary>
/// Stops this node once the cluster removed it (<c>spinel node &lt;id&gt; remove</c>): its shards and endpoints were
/// moved away already, and a removed member that kept running would only disturb the others' elections.
/// </summary>
internal sealed partial class RemovalWatcher(IClusterStore store, ClusterNodeOptions options, IHostApplicationLifetime lifetime,
    ILogger<RemovalWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? uid = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var token = store.GetChangeToken();
                var state = store.Current;
                var self = NodeIdentity.Find(state, options);
                if (self is not null)
                {
                    uid = self.Uid;
                }
                else if (uid is { } removed && state.IsCreated)
                {
                    LogRemoved(logger, removed, options.Address);
                    lifetime.StopApplication();
                    return;
                }
                await token.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "Node {Uid} ({Address}) was removed from the cluster: stopping its services")]
    private static partial void LogRemoved(ILogger logger, int uid, string address);
}
