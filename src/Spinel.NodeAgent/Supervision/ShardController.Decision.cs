using Spinel.NodeAgent.Configuration;

namespace Spinel.NodeAgent.Supervision;

internal sealed partial class ShardController
{
    // An empty master makes its replicas resync from it and drop their data; only the control plane may choose that
    // (by raising the generation) or fail the shard over instead (by making it a replica).
    private bool MustAwaitDecision(ShardSettings settings) =>
        settings.IsReplicatedMaster && _exitGeneration is { } exitGeneration && settings.Generation <= exitGeneration;

    private void AwaitDecision()
    {
        var generation = _exitGeneration!.Value;
        if (!_status.AwaitingDecision)
        {
            Log.ShardAwaitingDecision(_logger, ShardUid, generation);
        }
        SetStatus(s => s with
        {
            State = s.State == ShardState.Crashed ? ShardState.Crashed : ShardState.Stopped,
            Pid = null,
            Role = null,
            MasterLinkUp = null,
            AwaitingDecision = true,
            Generation = generation,
        });
    }

    // Called once a process is ready: from now on its data is what a restart would lose.
    private void RecordRun(long generation)
    {
        _exitGeneration = null;
        try
        {
            LaunchMarker.Write(_paths, generation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the marker a restart of the node would relaunch this master empty; say so loudly.
            Log.LaunchMarkerFailed(_logger, ShardUid, _paths.LaunchedMarker, e.Message);
        }
    }

    private void ForgetRun()
    {
        try
        {
            LaunchMarker.Delete(_paths);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LaunchMarkerFailed(_logger, ShardUid, _paths.LaunchedMarker, e.Message);
        }
    }
}
