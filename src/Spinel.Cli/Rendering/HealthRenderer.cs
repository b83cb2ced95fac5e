using Spectre.Console;
using Spectre.Console.Rendering;

namespace Spinel.Cli.Rendering;

/// <summary>Renders the CLUSTER HEALTH section of <c>spinel status</c>: OK, or each problem in its row.</summary>
internal static class HealthRenderer
{
    public static void Render(IAnsiConsole console, ClusterHealth health)
    {
        var verdict = health.IsOk ? new Text("OK", new Style(Color.Green)) : new Text("ISSUES", new Style(Color.Red));
        console.Write(new Text("CLUSTER HEALTH: ", new Style(decoration: Decoration.Bold)));
        console.Write(verdict);
        console.WriteLine();
        var table = Tables.Create("CHECK", "STATE", "DETAILS");
        table.AddRow(Tables.Cell("quorum"), Flag(health.HasQuorum ? "yes" : "no", health.HasQuorum), Tables.Cell(health.QuorumDetail));
        table.AddRow(Tables.Cell("leader"), Flag(health.Leader ?? "none known", health.Leader is not null), Tables.Cell(null));
        AddList(table, "failed nodes", health.FailedNodes);
        AddList(table, "replicas out of sync", health.ShardsOutOfSync);
        AddList(table, "masters without replica", health.MastersWithoutReplica);
        console.Write(table);
    }

    private static void AddList(Table table, string check, IReadOnlyList<string> problems) =>
        table.AddRow(Tables.Cell(check), Flag(problems.Count == 0 ? "none" : problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), problems.Count == 0),
            Tables.Cell(string.Join(", ", problems)));

    private static IRenderable Flag(string text, bool good) => good ? Tables.Cell(text) : new Text(text, new Style(Color.Red));
}
