using System.Globalization;
using Spectre.Console;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Waiting;

/// <summary>
/// Polls until done and shows it: a live Spectre progress bar on an interactive terminal, one line per change
/// otherwise (logs, pipes), nothing when quiet. A poll signals failure by throwing <see cref="ActionFailedException"/>.
/// </summary>
internal sealed class ProgressPoller(CliEnvironment environment, bool quiet)
{
    public delegate Task<(PollState State, T Value)> PollAsync<T>(CancellationToken cancellationToken);

    public async Task<T> RunAsync<T>(string title, PollAsync<T> poll, CancellationToken cancellationToken)
    {
        var console = environment.Out;
        if (quiet)
        {
            return await LoopAsync(poll, _ => { }, cancellationToken).ConfigureAwait(false);
        }
        if (console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi)
        {
            return await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(Markup.Escape(title), maxValue: 100);
                    task.IsIndeterminate = true;
                    var result = await LoopAsync(poll, state => Show(task, title, state), cancellationToken).ConfigureAwait(false);
                    task.StopTask();
                    return result;
                }).ConfigureAwait(false);
        }

        console.WriteLine(title);
        string? last = null;
        return await LoopAsync(poll, state =>
        {
            var line = "  " + state.Description + (state.Progress is { } p ? " " + p.ToString("0", CultureInfo.InvariantCulture) + "%" : "");
            if (line != last)
            {
                console.WriteLine(line);
                last = line;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void Show(ProgressTask task, string title, PollState state)
    {
        task.Description = Markup.Escape($"{title}: {state.Description}");
        if (state.Progress is { } progress)
        {
            task.IsIndeterminate = false;
            task.Value = Math.Clamp(progress, 0, 100);
        }
        if (state.Done)
        {
            task.IsIndeterminate = false;
            task.Value = 100;
        }
    }

    private async Task<T> LoopAsync<T>(PollAsync<T> poll, Action<PollState> show, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (state, value) = await poll(cancellationToken).ConfigureAwait(false);
            show(state);
            if (state.Done)
            {
                return value;
            }
            await Task.Delay(environment.PollInterval, environment.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
