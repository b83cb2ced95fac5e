using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders <c>spinel stats db</c>: one row of live figures of a database, rates per second.</summary>
internal static class StatsRenderer
{
    public static void Render(IAnsiConsole console, BdbInfo bdb, StatsIntervalInfo? interval) => console.Write(Build(bdb, interval));

    /// <summary>The heading and table, as one renderable so that a live display can replace it whole.</summary>
    public static IRenderable Build(BdbInfo bdb, StatsIntervalInfo? interval)
    {
        var at = interval?.Etime is { } etime ? $" at {etime}" : "";
        var heading = new Text($"STATS db:{bdb.Uid} ({bdb.Name}){at}:", new Style(decoration: Decoration.Bold));
        if (interval is null)
        {
            return new Rows(heading, new Text("No figures yet: the cluster has not sampled this database."));
        }
        var rates = StatsRates.From(interval);
        var table = Tables.Create("OPS/S", "READS/S", "WRITES/S", "OTHER/S", "AVG LATENCY", "CONNS", "USED MEMORY", "KEYS", "INGRESS", "EGRESS");
        table.AddRow(
            Rate(rates.Ops), Rate(rates.Reads), Rate(rates.Writes), Rate(rates.Other),
            Latency(interval.AverageLatencyMicroseconds),
            Whole(interval.Connections),
            interval.UsedMemory is { } memory ? MemorySize.Format((long)memory) : null,
            Whole(interval.Keys),
            MemorySize.Format((long)Math.Round(rates.IngressBytes)) + "/s",
            MemorySize.Format((long)Math.Round(rates.EgressBytes)) + "/s");
        return new Rows(heading, table);
    }

    private static string Rate(double perSecond) => perSecond.ToString("0.#", CultureInfo.InvariantCulture);

    private static string? Whole(double? value) => value?.ToString("0", CultureInfo.InvariantCulture);

    private static string? Latency(double? microseconds) => microseconds switch
    {
        null => null,
        >= 1000 => (microseconds.Value / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " ms",
        _ => microseconds.Value.ToString("0.#", CultureInfo.InvariantCulture) + " µs",
    };
}
