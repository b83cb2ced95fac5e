namespace Spinel.NodeAgent.Tests.Infrastructure;

/// <summary>Process checks through /proc, written independently of the agent's own.</summary>
internal static class Pids
{
    /// <summary>True while the pid exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0];
            return state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Pids of live processes whose working directory is <paramref name="directory"/> or below it.</summary>
    public static int[] RunningUnder(string directory)
    {
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).ResolveLinkTarget(false)?.FullName;
                if (cwd is not null && cwd.StartsWith(directory, StringComparison.Ordinal) && IsRunning(pid))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone, or another user's process.
            }
        }
        return found.ToArray();
    }

    /// <summary>SIGSTOP: the process keeps its sockets but answers nothing, like a hung redis-server.</summary>
    public static void Suspend(int pid) => Assert.Equal(0, SendSignal(pid, 19));

    /// <summary>SIGCONT; harmless when the process is gone.</summary>
    public static void Resume(int pid) => _ = SendSignal(pid, 18);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    public static void KillQuietly(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
