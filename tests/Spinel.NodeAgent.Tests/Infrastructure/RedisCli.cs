using System.Diagnostics;
using Xunit.Sdk;

namespace Spinel.NodeAgent.Tests.Infrastructure;

/// <summary>Runs the real redis-cli against a shard, so assertions do not depend on the agent's own RESP code.</summary>
internal static class RedisCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs one command; returns the raw output lines (CONFIG GET gives name, value).</summary>
    public static async Task<string[]> RunAsync(int port, params string[] command)
    {
        var startInfo = new ProcessStartInfo("redis-cli")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-h", "127.0.0.1", "-p", port.ToString(), "--raw", .. command])
        {
            startInfo.ArgumentList.Add(arg);
        }
        using var process = Process.Start(startInfo)!;
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new XunitException($"redis-cli {string.Join(' ', command)} on port {port} exited with {process.ExitCode}: {await error}");
        }
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Runs one command and returns its output, or null when the server cannot be reached.</summary>
    public static async Task<string?> TryRunAsync(int port, params string[] command)
    {
        try
        {
            return string.Join('\n', await RunAsync(port, command));
        }
        catch (XunitException)
        {
            return null;
        }
    }

    public static async Task<string> ConfigGetAsync(int port, string name)
    {
        var lines = await RunAsync(port, "CONFIG", "GET", name);
        Assert.Equal(2, lines.Length);
        Assert.Equal(name, lines[0]);
        return lines[1];
    }

    /// <summary>The <c>field:value</c> pairs of one INFO section.</summary>
    public static async Task<Dictionary<string, string>> InfoAsync(int port, string section)
    {
        var fields = new Dictionary<string, string>();
        foreach (var line in await RunAsync(port, "INFO", section))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                fields[line[..colon]] = line[(colon + 1)..];
            }
        }
        return fields;
    }
}
