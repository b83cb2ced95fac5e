using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Spinel.Model;
using Spinel.NodeAgent.Configuration;
using Spinel.NodeAgent.Processes;

namespace Spinel.NodeAgent.Supervision;

/// <summary>
/// Runs this node's shards: at start it kills orphans of a previous run, then, for every topology version, starts the
/// shards the node must run, stops the ones it must not, and hands changed settings to each shard's controller.
/// Stopping it stops every shard process.
/// </summary>
public sealed partial class ShardSupervisor : BackgroundService, IShardStatusProvider
{
    private readonly ITopologySource _topology;
    private readonly NodeAgentOptions _options;
    private readonly string _executable;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, ShardController> _controllers = new();
    private readonly ShardStatusChanges _changes = new();
    private long _appliedTopologyVersion;

    private readonly CancellationTokenRegistration _applicationStopping;
    private volatile bool _stopping;

    /// <param name="lifetime">When given, shards stop being restarted as soon as the application starts stopping.</param>
    public ShardSupervisor(
        ITopologySource topology,
        IOptions<NodeAgentOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IHostApplicationLifetime? lifetime = null)
    {
        // Ctrl-C in a terminal signals the children too; without this their exits would be restarted on the way down.
        _applicationStopping = lifetime?.ApplicationStopping.Register(static s => ((ShardSupervisor)s!).StopSupervising(), this) ?? default;
        _topology = topology;
        _options = options.Value;
        _executable = RedisServerLocator.TryResolve(_options.RedisServerPath, out var resolved) ? resolved : _options.RedisServerPath;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ShardSupervisor>();
    }

    public IReadOnlyList<ShardStatus> GetStatuses() =>
        _controllers.Values.Select(c => c.Status).OrderBy(s => s.ShardUid).ToArray();

    public IChangeToken GetChangeToken() => _changes.GetChangeToken();

    public long AppliedTopologyVersion => Interlocked.Read(ref _appliedTopologyVersion);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var reaper = new OrphanReaper(_options.DataDir, _executable, _options.StopTimeout, _timeProvider, _loggerFactory.CreateLogger<OrphanReaper>());
        await reaper.ReapAsync(stoppingToken).ConfigureAwait(false);
        var snapshot = _topology.Current;
        while (true)
        {
            await ReconcileAsync(snapshot, stoppingToken).ConfigureAwait(false);
            snapshot = await _topology.WaitForNewerAsync(snapshot.Version, stoppingToken).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        StopSupervising();
        Log.Stopping(_logger, _controllers.Count);
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAll(_controllers.Values.Select(c => c.StopAsync(cancellationToken))).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _applicationStopping.Dispose();
        foreach (var controller in _controllers.Values)
        {
            controller.Abandon();
        }
        base.Dispose();
    }

    // Ends every controller's loop but leaves its process running for StopAsync to stop.
    private void StopSupervising()
    {
        _stopping = true;
        foreach (var controller in _controllers.Values)
        {
            controller.StopSupervising();
        }
    }

    private async Task ReconcileAsync(TopologySnapshot snapshot, CancellationToken cancellationToken)
    {
        var desired = new Dictionary<int, ShardConfig>();
        foreach (var shard in snapshot.ShardsOnNode(_options.NodeUid))
        {
            desired.TryAdd(shard.Uid, shard);
        }

        // Removed shards go first so that a port they free can be taken by a shard added in the same version.
        var removed = _controllers.Values.Where(c => !desired.ContainsKey(c.ShardUid)).ToList();
        await Task.WhenAll(removed.Select(c => RemoveAsync(c, cancellationToken))).ConfigureAwait(false);

        foreach (var shard in desired.Values)
        {
            if (!ShardSettings.TryCreate(shard, snapshot, out var settings, out var error))
            {
                Log.ShardConfigInvalid(_logger, shard.Uid, error);
            }
            if (!_controllers.TryGetValue(shard.Uid, out var controller))
            {
                controller = new ShardController(
                    shard.Uid, shard.Port, _options, _executable, _timeProvider, _changes, _loggerFactory.CreateLogger<ShardController>());
                _controllers[shard.Uid] = controller;
                controller.Update(settings, error);
                if (_stopping)
                {
                    controller.StopSupervising();
                }
                controller.Start();
                Log.ShardAdded(_logger, shard.Uid, shard.Port);
                _changes.Notify();
            }
            else
            {
                controller.Update(settings, error);
            }
        }
        if (Interlocked.Exchange(ref _appliedTopologyVersion, snapshot.Version) != snapshot.Version)
        {
            _changes.Notify();
        }
        Log.Reconciled(_logger, snapshot.Version, desired.Count);
    }

    private async Task RemoveAsync(ShardController controller, CancellationToken cancellationToken)
    {
        await controller.RemoveAsync(cancellationToken).ConfigureAwait(false);
        _controllers.TryRemove(controller.ShardUid, out _);
        Log.ShardRemoved(_logger, controller.ShardUid);
        _changes.Notify();
    }
}
