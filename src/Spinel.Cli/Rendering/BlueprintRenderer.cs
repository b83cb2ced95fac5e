using Spectre.Console;
using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders a rebalance blueprint: one row per master/replica group, with the nodes its shards would run on.</summary>
internal static class BlueprintRenderer
{
    public static void Render(IAnsiConsole console, string bdbUid, IEnumerable<BlueprintEntry> blueprint)
    {
        var table = Tables.Create("SLOT_RANGE", "MASTER", "REPLICAS");
        foreach (var entry in blueprint)
        {
            var nodes = entry.Nodes ?? [];
            var master = nodes.FirstOrDefault(n => n.Role == "master");
            var replicas = nodes.Where(n => n != master).Select(Node).ToList();
            table.AddRow(entry.SlotRange, master is null ? null : Node(master), replicas.Count == 0 ? null : string.Join(" ", replicas));
        }
        Tables.WriteSection(console, $"REBALANCE BLUEPRINT (db:{bdbUid})", table);
    }

    private static string Node(BlueprintNode node) => $"node:{node.NodeUid}";
}
