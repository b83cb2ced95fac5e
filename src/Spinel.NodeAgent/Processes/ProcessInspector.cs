using System.Globalization;
using System.Runtime.InteropServices;

namespace Spinel.NodeAgent.Processes;

/// <summary>Reads other processes through <c>/proc</c> and signals them with <c>kill(2)</c>; Linux only.</summary>
internal static partial class ProcessInspector
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>True when the pid exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        // The state letter follows the command name, which is in parentheses and may itself hold ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return true;
        }
        return stat[close + 2] is not ('Z' or 'X');
    }

    /// <summary>The process's arguments joined with spaces, or null when it cannot be read.</summary>
    public static string? ReadCommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return System.Text.Encoding.UTF8.GetString(raw).Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process's working directory, or null when it cannot be read (another user's process, gone).</summary>
    public static string? ReadWorkingDirectory(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone or may not be signalled.</summary>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
