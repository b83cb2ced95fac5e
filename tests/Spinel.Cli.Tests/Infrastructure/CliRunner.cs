using Spectre.Console.Testing;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Tests.Infrastructure;

/// <summary>Runs the <c>spinel</c> entry point in-process with test consoles (fixed width, no colours) and a chosen environment.</summary>
public static class CliRunner
{
    public const int Width = 200;

    /// <summary>Runs against <paramref name="server"/> (through <c>SPINEL_URL</c>) as admin@cluster.local.</summary>
    public static Task<CliResult> RunAsync(FakeRestServer server, params string[] args) => RunAsync(Admin(server), args);

    /// <summary>Runs against <paramref name="server"/> and cancels it, as Ctrl-C does, after <paramref name="stopAfter"/>: for commands that run until interrupted.</summary>
    public static Task<CliResult> RunUntilAsync(FakeRestServer server, TimeSpan stopAfter, bool interactive, params string[] args) =>
        RunAsync(Admin(server), args, interactive, stopAfter);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, string[] args, bool interactive = false, TimeSpan? stopAfter = null)
    {
        var output = new TestConsole().Width(Width);
        var error = new TestConsole().Width(Width);
        if (interactive)
        {
            output.Interactive().EmitAnsiSequences();
        }
        var cli = new CliEnvironment
        {
            Out = output,
            Error = error,
            GetVariable = name => environment.GetValueOrDefault(name),
            PollInterval = TimeSpan.FromMilliseconds(5),
        };
        using var timeout = new CancellationTokenSource(stopAfter ?? TimeSpan.FromSeconds(30));
        var exitCode = await CliApp.RunAsync(args, cli, timeout.Token);
        return new CliResult(exitCode, output.Output, error.Output);
    }

    private static Dictionary<string, string> Admin(FakeRestServer server) => new()
    {
        ["SPINEL_URL"] = server.Url.ToString(),
        ["SPINEL_USER"] = "admin@cluster.local",
        ["SPINEL_PASSWORD"] = "s3cret",
    };
}
