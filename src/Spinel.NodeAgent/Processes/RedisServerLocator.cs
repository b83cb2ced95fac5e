namespace Spinel.NodeAgent.Processes;

/// <summary>Finds the redis-server executable from a path or a name looked up in <c>PATH</c>.</summary>
internal static class RedisServerLocator
{
    public static bool TryResolve(string pathOrName, out string fullPath)
    {
        fullPath = "";
        if (string.IsNullOrWhiteSpace(pathOrName))
        {
            return false;
        }
        if (pathOrName.Contains('/'))
        {
            fullPath = Path.GetFullPath(pathOrName);
            return IsExecutable(fullPath);
        }
        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, pathOrName);
            if (IsExecutable(candidate))
            {
                fullPath = Path.GetFullPath(candidate);
                return true;
            }
        }
        return false;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
