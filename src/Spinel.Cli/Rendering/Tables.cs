using Spectre.Console;
using Spectre.Console.Rendering;

namespace Spinel.Cli.Rendering;

/// <summary>rladmin-looking tables: a bold section heading, upper-case column names, no borders, cells taken literally (no markup).</summary>
internal static class Tables
{
    public const string Missing = "-";

    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.None).ShowHeaders();
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))).NoWrap());
        }
        return table;
    }

    public static void AddRow(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(Cell));

    public static IRenderable Cell(string? text) => new Text(string.IsNullOrEmpty(text) ? Missing : text);

    /// <summary>A status cell: red when something is down, yellow while it is in between or unknown.</summary>
    public static IRenderable StatusCell(string? status) => status switch
    {
        "down" or "inactive" or "link_down" or "failed" or "timeout" or "creation-failed" => new Text(status, new Style(Color.Red)),
        "decommissioning" or "provisioning" or "unknown" or "loading" or "syncing" or "busy" => new Text(status, new Style(Color.Yellow)),
        _ => Cell(status),
    };

    public static void WriteSection(IAnsiConsole console, string heading, Table table)
    {
        console.Write(new Text(heading + ":", new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        console.Write(table);
    }

    public static string Memory(long? bytes) => bytes is { } b ? MemorySize.Format(b) : Missing;

    public static string Enabled(bool? flag) => flag switch { true => "enabled", false => "disabled", null => Missing };

    /// <summary><c>dns_name:port</c> of the first endpoint (its first address when it has no DNS name).</summary>
    public static string Endpoint(Api.BdbInfo bdb)
    {
        if (bdb.Endpoints is not [var first, ..])
        {
            return Missing;
        }
        var host = first.DnsName ?? first.Addr?.FirstOrDefault();
        var port = first.Port ?? bdb.Port;
        return host is null ? (port is { } p ? $"*:{p}" : Missing) : port is { } q ? $"{host}:{q}" : host;
    }
}
