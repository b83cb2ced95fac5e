using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Spinel.NodeAgent.Configuration;
using Spinel.NodeAgent.Processes;

namespace Spinel.NodeAgent.Supervision;

/// <summary>
/// Keeps one shard's redis-server process matching its desired settings: launches it, restarts it with backoff when
/// it exits or fails to start (except a master with a replica, which awaits a decision), applies setting changes,
/// checks its health. One loop per shard, so a slow start of one shard never delays the crash handling of another.
/// Only the loop touches the process; <see cref="Status"/> is published by reference swap.
/// </summary>
internal sealed partial class ShardController
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    private readonly NodeAgentOptions _options;
    private readonly string _executable;
    private readonly ShardPaths _paths;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ShardStatusChanges _changes;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _stopGate = new();
    private volatile Desired _desired;
    private volatile ShardStatus _status;
    private Task _loop = Task.CompletedTask;
    private Task? _stopped;

    // Owned by the loop (and by StopAsync once the loop has ended).
    private ShardProcess? _process;
    private ShardSettings? _applied;
    private int _launches;
    private int _consecutiveFailures;
    private DateTimeOffset _nextLaunchAt;
    private int _failedChecks;

    // Generation the process last ran with once it is gone without a planned stop (or ran before this agent started):
    // its data is lost. Null while a process runs and for a shard that never ran here.
    private long? _exitGeneration;

    public ShardController(
        int shardUid,
        int port,
        NodeAgentOptions options,
        string executable,
        TimeProvider timeProvider,
        ShardStatusChanges changes,
        ILogger logger)
    {
        ShardUid = shardUid;
        _options = options;
        _executable = executable;
        _paths = ShardPaths.For(options.DataDir, shardUid);
        _timeProvider = timeProvider;
        _logger = logger;
        _changes = changes;
        _exitGeneration = LaunchMarker.Read(_paths);
        _desired = new Desired(null, "not configured yet");
        _status = new ShardStatus { ShardUid = shardUid, Port = port, State = ShardState.Starting };
    }

    public int ShardUid { get; }

    public ShardStatus Status => _status;

    /// <summary>Sets what the process must look like; <paramref name="error"/> explains a null <paramref name="settings"/>.</summary>
    public void Update(ShardSettings? settings, string? error)
    {
        if (settings is { RejectedAclUsers: { Length: > 0 } rejected } && rejected != _desired.Settings?.RejectedAclUsers)
        {
            Log.ShardAclUsersRejected(_logger, ShardUid, rejected);
        }
        _desired = new Desired(settings, error);
        _wake.Writer.TryWrite(true);
    }

    public void Start() => _loop = RunAsync(_stopping.Token);

    /// <summary>Ends the loop without stopping the process: nothing is launched or restarted from now on.</summary>
    public void StopSupervising() => _stopping.Cancel();

    /// <summary>Ends the loop and stops the process; idempotent. A cancelled token kills the process at once.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate)
        {
            return _stopped ??= StopCoreAsync(cancellationToken);
        }
    }

    /// <summary>Stops the process for good: the shard left this node, so a later run of it here starts from nothing.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        ForgetRun();
    }

    /// <summary>
    /// Last resort when the host is disposed without being stopped: ends the loop first (else it would restart the
    /// process it is about to lose), then SIGKILL without waiting for the exit.
    /// </summary>
    public void Abandon()
    {
        _stopping.Cancel();
        try
        {
            _loop.Wait(_options.StopTimeout);
        }
        catch (AggregateException)
        {
            // The loop's own failure is logged by it; the process still has to go.
        }
        _process?.Kill();
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await StopProcessAsync(cancellationToken).ConfigureAwait(false);
        SetStatus(s => s with { State = ShardState.Stopped, Pid = null });
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A bug here must not leave the shard unmanaged; back off and look again.
                Log.StepFailed(_logger, e, ShardUid);
                SetStatus(s => s with { LastError = e.Message });
                try
                {
                    await Task.Delay(_options.MaxRestartDelay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // One decision of the level-triggered loop: compare desired with actual, act once, or wait for something to change.
    private async Task StepAsync(CancellationToken cancellationToken)
    {
        var desired = _desired;
        if (_process is { HasExited: true } exited)
        {
            OnUnexpectedExit(exited);
            return;
        }
        if (desired.Settings is null)
        {
            SetStatus(s => s with { State = _process is null ? ShardState.Failed : s.State, LastError = desired.Error });
            await WaitAsync(null, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (_process is null)
        {
            if (MustAwaitDecision(desired.Settings))
            {
                AwaitDecision();
                await WaitAsync(null, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (_status.AwaitingDecision)
            {
                // The control plane decided (failed it over, or allowed a restart): act on it now, not after a crash backoff.
                _nextLaunchAt = _timeProvider.GetUtcNow();
                _consecutiveFailures = 0;
            }
            var wait = _nextLaunchAt - _timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                return;
            }
            await LaunchAsync(desired.Settings, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (_applied != desired.Settings)
        {
            await ApplyAsync(desired.Settings, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (await WaitAsync(_options.HealthCheckInterval, cancellationToken).ConfigureAwait(false))
        {
            await CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns true when the delay ran out, false when woken by a setting change or the process's exit.
    private async Task<bool> WaitAsync(TimeSpan? delay, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wake.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var timer = delay is { } d
            ? Task.Delay(d, _timeProvider, waiting.Token)
            : Task.Delay(Timeout.InfiniteTimeSpan, waiting.Token);
        var exited = _process?.Exited ?? Task.Delay(Timeout.InfiniteTimeSpan, waiting.Token);
        var first = await Task.WhenAny(woken, timer, exited).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _wake.Reader.TryRead(out _);
        return first == timer;
    }

    private void SetStatus(Func<ShardStatus, ShardStatus> change)
    {
        var before = _status;
        var after = change(before);
        _status = after;
        _changes.Compare(before, after);
    }

    private sealed record Desired(ShardSettings? Settings, string? Error);
}
