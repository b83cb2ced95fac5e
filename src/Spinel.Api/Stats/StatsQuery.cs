using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Spinel.Api.Stats;

/// <summary>The <c>interval</c>, <c>stime</c> and <c>etime</c> of a stats request, or why they are wrong.</summary>
internal sealed record StatsQuery(StatsInterval Interval, DateTimeOffset? Stime, DateTimeOffset? Etime)
{
    public static StatsQuery? TryRead(IQueryCollection query, out string? error)
    {
        error = null;
        var name = query["interval"].ToString();
        var interval = string.IsNullOrEmpty(name) ? StatsInterval.All[0] : StatsInterval.Find(name);
        if (interval is null)
        {
            error = $"interval '{name}' is not one of {string.Join(", ", StatsInterval.All.Select(i => i.Name))}";
            return null;
        }
        if (!TryReadTime(query, "stime", out var stime, ref error) || !TryReadTime(query, "etime", out var etime, ref error))
        {
            return null;
        }
        if (stime is { } from && etime is { } to && from > to)
        {
            error = "stime is after etime";
            return null;
        }
        return new StatsQuery(interval, stime, etime);
    }

    public string ToQueryString() =>
        $"interval={Interval.Name}" +
        (Stime is { } s ? "&stime=" + Uri.EscapeDataString(s.ToString("O", CultureInfo.InvariantCulture)) : "") +
        (Etime is { } e ? "&etime=" + Uri.EscapeDataString(e.ToString("O", CultureInfo.InvariantCulture)) : "");

    private static bool TryReadTime(IQueryCollection query, string name, out DateTimeOffset? time, ref string? error)
    {
        time = null;
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }
        error = $"{name} '{text}' is not an ISO-8601 time (2026-11-23T21:00:00Z)";
        return false;
    }
}
