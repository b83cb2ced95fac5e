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
        table.AddRow(cells.Select(c => (IRenderable)new Text(string.IsNullOrEmpty(c) ? Missing : c)));

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
