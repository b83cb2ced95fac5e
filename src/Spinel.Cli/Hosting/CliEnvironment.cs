using Spectre.Console;

namespace Spinel.Cli.Hosting;

/// <summary>What a run of the CLI talks to besides the cluster: consoles, environment variables and the clock; tests supply their own.</summary>
internal sealed class CliEnvironment
{
    /// <summary>Standard output: tables, success lines, progress and <c>--json</c> bodies.</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Standard error: error lines.</summary>
    public required IAnsiConsole Error { get; init; }

    /// <summary>Reads an environment variable (<c>SPINEL_URL</c>, <c>SPINEL_USER</c>, <c>SPINEL_PASSWORD</c>); null when unset.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>How often a wait polls the action or object it follows; default 500 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The process's console; tables are not wrapped at 80 columns when the output is redirected.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        Out = CreateConsole(Console.Out, Console.IsOutputRedirected),
        Error = CreateConsole(Console.Error, Console.IsErrorRedirected),
    };

    private static IAnsiConsole CreateConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = 240;
        }
        return console;
    }
}
