using System.Globalization;
using Microsoft.Extensions.Logging;
using Spinel.NodeAgent.Configuration;
using Spinel.NodeAgent.Processes;

namespace Spinel.NodeAgent.Supervision;

/// <summary>
/// Kills redis-server processes left running by a previous run of this node (one killed with SIGKILL cannot stop its
/// children, and Process.Start offers no PR_SET_PDEATHSIG), found through the pid files under <c>&lt;DataDir&gt;/shards</c>.
/// </summary>
internal sealed partial class OrphanReaper(string dataDir, string executable, TimeSpan stopTimeout, TimeProvider timeProvider, ILogger logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(2);

    /// <summary>Kills every orphan (SIGTERM, SIGKILL after the stop timeout) and returns how many there were.</summary>
    public async Task<int> ReapAsync(CancellationToken cancellationToken)
    {
        var shardsFolder = Path.Combine(Path.GetFullPath(dataDir), ShardPaths.ShardsFolder);
        if (!Directory.Exists(shardsFolder))
        {
            return 0;
        }
        var orphans = new List<(int Pid, ShardPaths Paths)>();
        foreach (var folder in Directory.EnumerateDirectories(shardsFolder))
        {
            var paths = new ShardPaths(folder);
            if (TryReadPid(paths.PidFile, out var pid) && IsOurRedisServer(pid, paths))
            {
                orphans.Add((pid, paths));
            }
        }
        await Task.WhenAll(orphans.Select(o => KillAsync(o.Pid, o.Paths, cancellationToken))).ConfigureAwait(false);
        return orphans.Count;
    }

    private bool TryReadPid(string pidFile, out int pid)
    {
        pid = 0;
        try
        {
            return File.Exists(pidFile) &&
                   int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pid) &&
                   pid > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.OrphanScanFailed(logger, pidFile, e.Message);
            return false;
        }
    }

    private bool IsOurRedisServer(int pid, ShardPaths paths)
    {
        if (pid == Environment.ProcessId || !ProcessInspector.IsAlive(pid))
        {
            return false;
        }
        var commandLine = ProcessInspector.ReadCommandLine(pid);
        if (string.IsNullOrEmpty(commandLine) ||
            !(commandLine.Contains("redis-server", StringComparison.Ordinal) ||
              commandLine.Contains(Path.GetFileName(executable), StringComparison.Ordinal)))
        {
            Log.OrphanIgnored(logger, pid, paths.PidFile, "it is not a redis-server");
            return false;
        }
        // Shards run in their own folder; a redis-server elsewhere only reused the pid.
        var workingDirectory = ProcessInspector.ReadWorkingDirectory(pid);
        if (workingDirectory is not null &&
            !string.Equals(Path.TrimEndingDirectorySeparator(workingDirectory), Path.TrimEndingDirectorySeparator(paths.Directory), StringComparison.Ordinal))
        {
            Log.OrphanIgnored(logger, pid, paths.PidFile, "it runs in " + workingDirectory);
            return false;
        }
        return true;
    }

    private async Task KillAsync(int pid, ShardPaths paths, CancellationToken cancellationToken)
    {
        ProcessInspector.Signal(pid, ProcessInspector.SigTerm);
        if (await WaitForExitAsync(pid, stopTimeout, cancellationToken).ConfigureAwait(false))
        {
            Log.OrphanKilled(logger, pid, paths.Directory);
            return;
        }
        ProcessInspector.Signal(pid, ProcessInspector.SigKill);
        await WaitForExitAsync(pid, KillGrace, cancellationToken).ConfigureAwait(false);
        Log.OrphanForceKilled(logger, pid, paths.Directory, stopTimeout);
    }

    private async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + timeout;
        while (ProcessInspector.IsAlive(pid))
        {
            if (timeProvider.GetUtcNow() >= deadline)
            {
                return false;
            }
            await Task.Delay(PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
