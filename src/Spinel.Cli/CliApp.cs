using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Spectre.Console;
using Spinel.Cli.Commands;
using Spinel.Cli.Hosting;

namespace Spinel.Cli;

/// <summary>The <c>spinel</c> command tree and its entry point; tests run it in-process with their own <see cref="CliEnvironment"/>.</summary>
internal static class CliApp
{
    public static RootCommand CreateRootCommand(CliServices services)
    {
        var root = new RootCommand("spinel: manage a Spinel cluster through its REST API")
        {
            StatusCommand.Create(services),
            EventsCommand.Create(services),
            StatsCommands.Create(services),
            DbCommands.Create(services),
            NodeCommands.Create(services),
            ActionCommands.Create(services),
            ClusterCommands.Create(services),
            FailoverCommand.Create(services),
            MigrateCommand.Create(services),
            TuneCommands.Create(services),
            AclCommands.Create(services),
            RoleCommands.Create(services),
        };
        foreach (var option in services.Options.All)
        {
            root.Options.Add(option);
        }
        return root;
    }

    /// <returns>The exit code: 0 success, 1 API error or failed action, 2 usage error, 3 cluster unreachable.</returns>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand(new CliServices(new GlobalOptions(), environment));
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out.Profile.Out.Writer,
            Error = environment.Error.Profile.Out.Writer,
        };

        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            foreach (var error in parseResult.Errors)
            {
                environment.Error.MarkupLineInterpolated($"[red]error[/]: {error.Message}");
            }
            environment.Error.MarkupLineInterpolated($"See '{CommandPath(parseResult.CommandResult)} --help'.");
            return ExitCodes.UsageError;
        }
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (var current = command; current is not null; current = current.Parent as CommandResult)
        {
            names.Add(current.Parent is null ? "spinel" : current.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
