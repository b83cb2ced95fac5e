using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spinel.Cli.Api;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel stats db &lt;db&gt; [--watch] [--interval seconds]</c>: live figures from <c>GET /v1/bdbs/stats/last/{uid}</c>.</summary>
internal static class StatsCommands
{
    private static readonly TimeSpan ShortestRefresh = TimeSpan.FromSeconds(0.1);

    public static Command Create(CliServices services) => new("stats", "Show live figures from the cluster's stats API")
    {
        DbCommand(services),
    };

    private static Command DbCommand(CliServices services)
    {
        var db = new Argument<string>("db") { Description = "Database uid (3 or db:3) or name" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh every second until Ctrl-C" };
        var interval = new Option<double?>("--interval")
        {
            Description = "Refresh every this many seconds until Ctrl-C (implies --watch)",
            HelpName = "seconds",
        };
        var command = new Command("db", "Show a database's ops/s, reads, writes, latency, connections, memory, keys and traffic per second")
        {
            db, watch, interval,
        };
        CliAction.Set(command, services, (context, ct) =>
            RunAsync(context, context.GetValue(db)!, Refresh(context.GetValue(watch), context.GetValue(interval)), ct));
        return command;
    }

    /// <returns>How often to refresh; null to print once.</returns>
    private static TimeSpan? Refresh(bool watch, double? seconds) => seconds switch
    {
        null => watch ? TimeSpan.FromSeconds(1) : null,
        { } s when s >= ShortestRefresh.TotalSeconds => TimeSpan.FromSeconds(s),
        { } s => throw new UsageException($"--interval must be {ShortestRefresh.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds or more, not {s.ToString(CultureInfo.InvariantCulture)}"),
    };

    private static async Task<int> RunAsync(CliContext context, string reference, TimeSpan? refresh, CancellationToken cancellationToken)
    {
        var bdb = await DbResolver.ResolveAsync(context.Api, reference, cancellationToken).ConfigureAwait(false);
        if (refresh is not { } every)
        {
            var result = await FetchAsync(context.Api, bdb.Uid!, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                StatsRenderer.Render(context.Out, bdb, LastInterval(result, bdb));
            }
            return ExitCodes.Success;
        }
        try
        {
            await WatchAsync(context, bdb, every, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how a watch ends.
        }
        return ExitCodes.Success;
    }

    private static async Task WatchAsync(CliContext context, BdbInfo bdb, TimeSpan every, CancellationToken cancellationToken)
    {
        var console = context.Out;
        if (!context.Json && console.Profile.Capabilities is { Interactive: true, Ansi: true })
        {
            var first = await FetchAsync(context.Api, bdb.Uid!, cancellationToken).ConfigureAwait(false);
            await console.Live(StatsRenderer.Build(bdb, LastInterval(first, bdb))).StartAsync(async live =>
            {
                while (true)
                {
                    live.Refresh();
                    await Task.Delay(every, context.Environment.Time, cancellationToken).ConfigureAwait(false);
                    var next = await FetchAsync(context.Api, bdb.Uid!, cancellationToken).ConfigureAwait(false);
                    live.UpdateTarget(StatsRenderer.Build(bdb, LastInterval(next, bdb)));
                }
            }).ConfigureAwait(false);
            return;
        }
        // Logs and pipes get every refresh in turn; --json gets one answer per line, however the server laid it out.
        for (var first = true; ; first = false)
        {
            var result = await FetchAsync(context.Api, bdb.Uid!, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(JsonNode.Parse(result.Json)?.ToJsonString() ?? "null");
            }
            else
            {
                if (!first)
                {
                    console.WriteLine();
                }
                StatsRenderer.Render(console, bdb, LastInterval(result, bdb));
            }
            await Task.Delay(every, context.Environment.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static StatsIntervalInfo? LastInterval(ApiResult<IReadOnlyList<ObjectStats>> result, BdbInfo bdb) =>
        result.Value?.FirstOrDefault(o => o.Uid == bdb.Uid)?.Intervals?.LastOrDefault();

    private static async Task<ApiResult<IReadOnlyList<ObjectStats>>> FetchAsync(SpinelApiClient api, string uid, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetBdbStatsLastAsync(uid, cancellationToken).ConfigureAwait(false);
        }
        catch (SpinelApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode != "db_not_found")
        {
            // A database deleted meanwhile is db_not_found; any other 404 is a cluster whose nodes predate the stats API.
            throw new SpinelApiException(ex.StatusCode, "stats_unavailable",
                $"{api.BaseAddress} has no stats API (GET /v1/bdbs/stats/last/{uid} answered: {ex.Description}); its nodes need a Spinel version that serves /v1/bdbs/stats");
        }
    }
}
