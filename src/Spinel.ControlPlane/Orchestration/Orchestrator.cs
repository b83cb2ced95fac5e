using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// Runs the persisted actions while this node is the leader: one runner per unfinished action, each executing the
/// step its stored state names until the action completes or fails. A node that becomes leader picks up whatever
/// its predecessor left unfinished; one that loses leadership stops its runners.
/// </summary>
public sealed class Orchestrator : BackgroundService
{
    private readonly IClusterStore _store;
    private readonly IReadinessProbe _probe;
    private readonly OrchestratorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Orchestrator> _logger;
    private readonly IClusterHealth _health;
    private readonly LeaderFence _fence;
    private readonly Resharding.IShardTrimmer _trimmer;
    private readonly DataTransfer.IDatasetTransfer _transfer;
    private readonly Dictionary<string, IActionMachine> _machines;
    private readonly Dictionary<string, (Task Task, CancellationTokenSource Cancel)> _runners = [];

    public Orchestrator(IClusterStore store, IReadinessProbe probe, IOptions<OrchestratorOptions> options, TimeProvider time,
        ILogger<Orchestrator> logger, IClusterHealth health, LeaderFence fence, Resharding.IShardTrimmer trimmer,
        DataTransfer.IDatasetTransfer? transfer = null)
    {
        _trimmer = trimmer;
        _transfer = transfer ?? new DataTransfer.RedisDatasetTransfer();
        _health = health;
        _fence = fence;
        _store = store;
        _probe = probe;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _machines = new IActionMachine[]
        {
            new CreateBdbMachine(), new UpdateBdbMachine(), new DeleteBdbMachine(), new FailoverMachine(), new MigrateShardsMachine(),
            new RemoveNodeMachine(), new ReshardMachine(), new ExportBdbMachine(backup: false), new ExportBdbMachine(backup: true), new ImportBdbMachine(),
        }.ToDictionary(m => m.Name);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wasLeader = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var changed = _store.GetChangeToken().WaitAsync(stopWaiting.Token);
                var isLeader = _store.IsLeader;
                if (isLeader)
                {
                    Reconcile(wasLeader);
                    await PruneFinishedAsync(stoppingToken).ConfigureAwait(false);
                }
                else if (wasLeader)
                {
                    StopAll();
                }
                wasLeader = isLeader;
                // Leadership changes do not always change the state, so look again now and then.
                await Task.WhenAny(changed, Task.Delay(TimeSpan.FromMilliseconds(200), _time, stoppingToken)).ConfigureAwait(false);
                // Unregisters the callback when the tick, not a change, ended the wait.
                await stopWaiting.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            StopAll();
            await Task.WhenAll(_runners.Values.Select(r => r.Task)).ConfigureAwait(false);
        }
    }

    private void Reconcile(bool wasLeader)
    {
        foreach (var finished in _runners.Where(r => r.Value.Task.IsCompleted).Select(r => r.Key).ToList())
        {
            _runners[finished].Cancel.Dispose();
            _runners.Remove(finished);
        }
        var pending = _store.Current.Actions.Values
            .Where(a => a.Status is ActionStatus.Pending or ActionStatus.Active && !_runners.ContainsKey(a.ActionUid))
            .ToList();
        if (!wasLeader && pending.Count > 0)
        {
            Log.Resuming(_logger, pending.Count);
        }
        foreach (var action in pending)
        {
            var cancel = new CancellationTokenSource();
            _runners[action.ActionUid] = (RunAsync(action.ActionUid, cancel.Token), cancel);
        }
    }

    private void StopAll()
    {
        foreach (var (_, cancel) in _runners.Values)
        {
            cancel.Cancel();
        }
    }

    private async Task RunAsync(string actionUid, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var context = new ActionContext(_store, actionUid, _probe, _options, _time, _logger, _health, _fence, _trimmer, _transfer);
        var crashes = 0;
        while (!cancellationToken.IsCancellationRequested && _store.IsLeader)
        {
            if (context.Action is not { Status: ActionStatus.Pending or ActionStatus.Active } action)
            {
                return;
            }
            if (!_machines.TryGetValue(action.Name, out var machine))
            {
                Log.RunnerStopped(_logger, action.Name, action.ObjectName, "no state machine of that name on this node");
                return;
            }
            try
            {
                await machine.StepAsync(context, action, cancellationToken).ConfigureAwait(false);
                crashes = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (LeadershipLostException e)
            {
                Log.RunnerStopped(_logger, action.Name, action.ObjectName, e.Message);
                return;
            }
            catch (Exception e)
            {
                // A step is safe to run again; back off so a persistent fault does not spin.
                Log.StepCrashed(_logger, e, action.Name, action.ObjectName, action.State);
                crashes++;
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * crashes * crashes)), _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task PruneFinishedAsync(CancellationToken cancellationToken)
    {
        var finished = _store.Current.Actions.Values
            .Where(a => a.Status is ActionStatus.Completed or ActionStatus.Failed)
            .OrderBy(a => a.CreationTime)
            .ToList();
        var excess = finished.Count - _options.RetainedFinishedActions;
        if (excess <= 0)
        {
            return;
        }
        var batch = new Batch
        {
            Commands = finished.Take(excess).Select(a => (ClusterCommand)new DeleteAction { ActionUid = a.ActionUid, ExpectedVersion = a.Version }).ToValueList(),
        };
        await _store.ProposeAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
