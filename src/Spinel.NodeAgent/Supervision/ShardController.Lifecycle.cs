using Spinel.NodeAgent.Configuration;
using Spinel.NodeAgent.Processes;

namespace Spinel.NodeAgent.Supervision;

internal sealed partial class ShardController
{
    private async Task LaunchAsync(ShardSettings settings, CancellationToken cancellationToken)
    {
        _launches++;
        SetStatus(s => s with
        {
            State = ShardState.Starting,
            Port = settings.Port,
            Pid = null,
            Restarts = Math.Max(0, _launches - 1),
            AwaitingDecision = false,
            Role = null,
            MasterLinkUp = null,
        });
        Log.ShardStarting(_logger, ShardUid, settings.Host, settings.Port);
        try
        {
            var process = await ShardProcess.StartAsync(settings, _paths, _executable, _options.StartTimeout, _timeProvider, cancellationToken)
                .ConfigureAwait(false);
            _process = process;
            _applied = settings;
            _failedChecks = 0;
            RecordRun(settings.Generation);
            Log.ShardStarted(_logger, ShardUid, process.Pid, settings.Host, settings.Port);
            // One report with pid and role together, so a listener never sees a running shard of unknown role.
            var health = await process.CheckHealthAsync(_options.HealthCheckTimeout, cancellationToken).ConfigureAwait(false);
            SetStatus(s =>
            {
                var running = s with { State = ShardState.Running, Pid = process.Pid, LastError = null, Generation = settings.Generation, Info = health.Info ?? s.Info };
                return health.Replication is { } replication ? WithReplication(running, replication) : running;
            });
        }
        catch (ShardStartException e)
        {
            if (e.PortInUse)
            {
                Log.ShardPortInUse(_logger, ShardUid, settings.Host, settings.Port, e.ExitCode);
            }
            else
            {
                Log.ShardStartFailed(_logger, ShardUid, e.Message);
            }
            SetStatus(s => s with { State = ShardState.Failed, LastError = e.Message, LastExitCode = e.ExitCode ?? s.LastExitCode });
            ScheduleRelaunch(uptime: TimeSpan.Zero);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = $"cannot write {_paths.ConfigFile}: {e.Message}";
            Log.ShardStartFailed(_logger, ShardUid, error);
            SetStatus(s => s with { State = ShardState.Failed, LastError = error });
            ScheduleRelaunch(uptime: TimeSpan.Zero);
        }
    }

    private void OnUnexpectedExit(ShardProcess process)
    {
        var exitCode = process.Exited.Result;
        Log.ShardExited(_logger, ShardUid, process.Pid, exitCode);
        _exitGeneration = _applied!.Generation;
        SetStatus(s => s with
        {
            State = ShardState.Crashed,
            Pid = null,
            Role = null,
            MasterLinkUp = null,
            LastExitCode = exitCode,
            LastError = $"redis-server (pid {process.Pid}) exited with code {exitCode}",
        });
        _process = null;
        _applied = null;
        process.Dispose();
        ScheduleRelaunch(_timeProvider.GetUtcNow() - process.StartedAt);
    }

    private void ScheduleRelaunch(TimeSpan uptime)
    {
        // A shard that ran a good while before dying is not failing in a loop: restart it at once again.
        if (uptime >= _options.MaxRestartDelay)
        {
            _consecutiveFailures = 0;
        }
        _consecutiveFailures++;
        var delay = RestartBackoff.DelayFor(_consecutiveFailures, _options.RestartDelay, _options.MaxRestartDelay);
        _nextLaunchAt = _timeProvider.GetUtcNow() + delay;
        if (_desired.Settings is not { } next || !MustAwaitDecision(next))
        {
            Log.ShardRestarting(_logger, ShardUid, delay, _consecutiveFailures);
        }
    }

    private async Task ApplyAsync(ShardSettings settings, CancellationToken cancellationToken)
    {
        var current = _applied!;
        if (!current.CanApplyLive(settings))
        {
            Log.ShardAddressChanged(_logger, ShardUid, current.Host, current.Port, settings.Host, settings.Port);
            await StopProcessAsync(cancellationToken).ConfigureAwait(false);
            _nextLaunchAt = _timeProvider.GetUtcNow();
            return;
        }
        try
        {
            var refused = new List<string>();
            var applied = await _process!.ApplyAsync(current, settings, CommandTimeout, cancellationToken, refused).ConfigureAwait(false);
            foreach (var refusal in refused)
            {
                Log.ShardAclUserRefused(_logger, ShardUid, refusal);
            }
            ShardProcess.WriteConfig(settings, _paths);
            _applied = settings;
            foreach (var change in applied)
            {
                Log.ShardSettingApplied(_logger, ShardUid, change);
            }
            if (settings.Generation != current.Generation)
            {
                RecordRun(settings.Generation);
                SetStatus(s => s with { Generation = settings.Generation });
            }
        }
        catch (Exception e) when (e is InvalidOperationException or UnauthorizedAccessException ||
                                  ShardProcess.IsConnectionError(e) ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The process no longer matches what it was told; a fresh start from the new redis.conf does.
            Log.ShardSettingApplyFailed(_logger, ShardUid, e.Message);
            SetStatus(s => s with { LastError = "applying settings failed: " + e.Message });
            // Killing it loses its data like a crash does, so the relaunch obeys the same rule.
            _exitGeneration = current.Generation;
            await StopProcessAsync(cancellationToken).ConfigureAwait(false);
            _nextLaunchAt = _timeProvider.GetUtcNow();
            return;
        }
        if (current.MasterHost != settings.MasterHost || current.MasterPort != settings.MasterPort)
        {
            // The control plane waits for the new role to show; the next timed check may be a while away.
            await CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopProcessAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process)
        {
            return;
        }
        var killed = await process.StopAsync(_options.StopTimeout, cancellationToken).ConfigureAwait(false);
        var exitCode = await process.Exited.ConfigureAwait(false);
        if (killed)
        {
            Log.ShardKilled(_logger, ShardUid, process.Pid, _options.StopTimeout);
        }
        Log.ShardStopped(_logger, ShardUid, process.Pid, exitCode);
        _process = null;
        _applied = null;
        process.Dispose();
        SetStatus(s => s with { State = ShardState.Stopped, Pid = null, Role = null, MasterLinkUp = null, LastExitCode = exitCode });
    }
}
