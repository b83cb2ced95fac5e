using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spinel.Cli.Api;
using Spinel.Cli.Api.Json;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel events [--limit n] [--since time|duration] [--db db]</c>: the newest events of <c>GET /v1/logs</c>, oldest first.</summary>
internal static class EventsCommand
{
    public static Command Create(CliServices services)
    {
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "How many events to show, the newest (default 20)",
            DefaultValueFactory = _ => 20,
        };
        var since = new Option<string?>("--since")
        {
            Description = "Only events from this time on: ISO 8601 (2024-05-01T10:00:00Z) or a duration back from now (90s, 15m, 2h, 1d)",
        };
        var db = new Option<string?>("--db") { Description = "Only events of this database (uid, db:uid or name)" };
        var command = new Command("events", "Show the cluster's event log (database changes, node failures, failovers, failed actions)") { limit, since, db };
        CliAction.Set(command, services, (context, ct) =>
            RunAsync(context, context.GetValue(limit), context.GetValue(since), context.GetValue(db), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int limit, string? since, string? db, CancellationToken cancellationToken)
    {
        if (limit < 1)
        {
            throw new UsageException($"--limit must be 1 or more, not {limit}");
        }
        var query = new List<string> { "order=desc" };
        if (since is not null)
        {
            query.Add("stime=" + Uri.EscapeDataString(ParseSince(since, context.Environment.Time.GetUtcNow()).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
        string? bdbUid = null;
        if (db is not null)
        {
            bdbUid = (await DbResolver.ResolveAsync(context.Api, db, cancellationToken).ConfigureAwait(false)).Uid;
        }
        else
        {
            // The server pages only when nothing is filtered here afterwards.
            query.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        }
        var events = await context.Api.GetEventsAsync(string.Join('&', query), cancellationToken).ConfigureAwait(false);
        var selected = events.Where(e => bdbUid is null || BdbUidOf(e) == bdbUid).Take(limit).Reverse().ToList();
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. selected.Select(e => e?.DeepClone())]).ToJsonString());
            return ExitCodes.Success;
        }
        EventRenderer.Render(context.Out, [.. selected.Select(e => e.Deserialize(CliJsonContext.Default.EventInfo) ?? new EventInfo())]);
        return ExitCodes.Success;
    }

    private static string? BdbUidOf(JsonNode? node) => node?["bdb_uid"] is JsonValue value ? value.ToJsonString().Trim('"') : null;

    /// <summary>An ISO 8601 time (UTC unless it says otherwise) or a duration back from <paramref name="now"/>: 90s, 15m, 2h, 1d.</summary>
    public static DateTimeOffset ParseSince(string text, DateTimeOffset now)
    {
        if (text.Length > 1 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? back = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (back is { } duration)
            {
                return now - duration;
            }
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        throw new UsageException($"--since must be an ISO 8601 time (2024-05-01T10:00:00Z) or a duration such as 90s, 15m, 2h or 1d, not '{text}'");
    }
}
