using System.CommandLine;
using Spectre.Console;
using Spinel.Cli.Api;
using Spinel.Cli.Waiting;

namespace Spinel.Cli.Hosting;

/// <summary>Binds a command to its body and turns the body's failures into messages on stderr and exit codes.</summary>
internal static class CliAction
{
    public static void Set(Command command, CliServices services, Func<CliContext, CancellationToken, Task<int>> run) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, services, run, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parseResult, CliServices services, Func<CliContext, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        var error = services.Environment.Error;
        try
        {
            using var context = new CliContext(parseResult, services);
            return await run(context, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            error.MarkupLineInterpolated($"[red]error[/]: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (SpinelApiException ex)
        {
            error.MarkupLineInterpolated($"[red]{ex.ErrorCode}[/]: {ex.Description}");
            return ExitCodes.ApiError;
        }
        catch (ActionFailedException ex)
        {
            error.MarkupLineInterpolated($"[red]{ex.ErrorCode}[/]: {ex.Description}");
            return ExitCodes.ApiError;
        }
        catch (SpinelConnectionException ex)
        {
            error.MarkupLineInterpolated($"[red]error[/]: {ex.Message}");
            return ExitCodes.ConnectionError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.MarkupLine("[yellow]cancelled[/]; actions already accepted by the cluster go on (see spinel action list)");
            return ExitCodes.Cancelled;
        }
    }
}
