using Spinel.Model;
using Spinel.NodeAgent.Processes;

namespace Spinel.NodeAgent.Supervision;

internal sealed partial class ShardController
{
    private async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        var process = _process!;
        var result = await process.CheckHealthAsync(_options.HealthCheckTimeout, cancellationToken).ConfigureAwait(false);
        if (process.HasExited)
        {
            return;
        }
        if (result.Replication is { } replication)
        {
            if (_failedChecks >= _options.UnresponsiveAfter)
            {
                Log.ShardResponsiveAgain(_logger, ShardUid, process.Pid, _failedChecks);
            }
            _failedChecks = 0;
            SetStatus(s => WithReplication(s with { State = ShardState.Running, LastError = null, Info = result.Info ?? s.Info }, replication));
            return;
        }

        _failedChecks++;
        if (_failedChecks < _options.UnresponsiveAfter)
        {
            Log.ShardHealthCheckFailed(_logger, ShardUid, process.Pid, result.Error!);
        }
        else if (_failedChecks == _options.UnresponsiveAfter)
        {
            Log.ShardUnresponsive(_logger, ShardUid, process.Pid, _failedChecks, result.Error!);
        }
        var unresponsive = _failedChecks >= _options.UnresponsiveAfter;
        SetStatus(s => s with { State = unresponsive ? ShardState.Unresponsive : s.State, LastError = result.Error });
    }

    private ShardStatus WithReplication(ShardStatus status, ReplicationInfo replication) => status with
    {
        Role = replication.Role,
        MasterLinkUp = replication.MasterLinkUp,
        ReplicationOffset = replication.Offset,
        LastHealthyAt = _timeProvider.GetUtcNow(),
    };
}
