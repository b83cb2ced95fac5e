using System.Globalization;
using Spectre.Console;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders the <c>node list</c> table.</summary>
internal static class NodeRenderer
{
    public static void RenderList(IAnsiConsole console, IEnumerable<NodeInfo> nodes)
    {
        var table = Tables.Create("NODE:ID", "ADDRESS", "STATUS", "SHARDS", "MEMORY", "CORES", "RACK_ID", "VERSION");
        foreach (var node in nodes.OrderBy(n => n.Uid, UidComparer.Instance))
        {
            var shards = node.ShardCount is { } used
                ? node.MaxRedisServers is { } max ? $"{used}/{max}" : used.ToString(CultureInfo.InvariantCulture)
                : null;
            table.AddRow(Tables.Cell($"node:{node.Uid}"), Tables.Cell(node.Addr), Tables.StatusCell(node.Status), Tables.Cell(shards),
                Tables.Cell(Tables.Memory(node.TotalMemory)), Tables.Cell(node.Cores?.ToString(CultureInfo.InvariantCulture)), Tables.Cell(node.RackId),
                Tables.Cell(node.SoftwareVersion));
        }
        Tables.WriteSection(console, "CLUSTER NODES", table);
    }
}
