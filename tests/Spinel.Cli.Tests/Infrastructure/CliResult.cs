namespace Spinel.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of <c>spinel</c> produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Stdout with trailing spaces removed from every line, for golden comparisons.</summary>
    public string TrimmedOut => string.Join('\n', Out.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()));

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
