using System.Diagnostics;

namespace Spinel.NodeAgent.Tests.Infrastructure;

/// <summary>A process a test started itself; disposing kills it if it still runs.</summary>
internal sealed class OwnedProcess(Process process) : IDisposable
{
    public int Id { get; } = process.Id;

    public static OwnedProcess Start(string fileName, string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        return new OwnedProcess(Process.Start(startInfo)!);
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
        process.Dispose();
    }
}
