using System.CommandLine;
using Spectre.Console;
using Spinel.Cli.Api;
using Spinel.Cli.Waiting;

namespace Spinel.Cli.Hosting;

/// <summary>One command invocation: its parse result, connection settings, output mode and (lazily) the API client.</summary>
internal sealed class CliContext : IDisposable
{
    private SpinelApiClient? api;

    public CliContext(ParseResult parseResult, CliServices services)
    {
        ParseResult = parseResult;
        Environment = services.Environment;
        Settings = services.Options.ReadSettings(parseResult, services.Environment);
        Json = parseResult.GetValue(services.Options.Json);
    }

    public ParseResult ParseResult { get; }

    public CliEnvironment Environment { get; }

    /// <summary>Connection settings; <see cref="UseCredentials"/> may replace the credentials before the first request.</summary>
    public ConnectionSettings Settings { get; private set; }

    /// <summary>Whether <c>--json</c> was given: stdout carries only the API's JSON.</summary>
    public bool Json { get; }

    public IAnsiConsole Out => Environment.Out;

    public SpinelApiClient Api => api ??= new SpinelApiClient(SpinelHttpClientFactory.Create(Settings));

    /// <summary>Waits quietly under <c>--json</c>, with a progress display otherwise.</summary>
    public ProgressPoller Poller => new(Environment, quiet: Json);

    public T? GetValue<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? GetValue<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>Authenticates with these credentials instead of --user/--password (the cluster commands name the new admin).</summary>
    public void UseCredentials(string user, string? password)
    {
        if (api is not null)
        {
            throw new InvalidOperationException("credentials must be chosen before the first request");
        }
        Settings = Settings with { User = user, Password = password };
    }

    /// <summary>Writes a body exactly as the API returned it (<c>{}</c> for an empty body).</summary>
    public void WriteJson(string json)
    {
        var writer = Out.Profile.Out.Writer;
        writer.WriteLine(string.IsNullOrWhiteSpace(json) ? "{}" : json.Trim());
        writer.Flush();
    }

    /// <summary>Prints the closing line of a successful command, unless <c>--json</c> was given.</summary>
    public void Success(string message)
    {
        if (!Json)
        {
            Out.MarkupLine("[green]OK[/] " + Markup.Escape(message));
        }
    }

    /// <summary>Prints rladmin's closing line of an operation, <c>Finished successfully</c>, unless <c>--json</c> was given.</summary>
    public void Finished()
    {
        if (!Json)
        {
            Out.MarkupLine("[green]Finished successfully[/]");
        }
    }

    /// <summary>Prints an informational line, unless <c>--json</c> was given.</summary>
    public void Info(string message)
    {
        if (!Json)
        {
            Out.WriteLine(message);
        }
    }

    public void Dispose() => api?.Dispose();
}
