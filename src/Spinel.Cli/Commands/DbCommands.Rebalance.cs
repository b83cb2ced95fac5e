using System.CommandLine;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

internal static partial class DbCommands
{
    /// <summary><c>spinel db rebalance &lt;db&gt; [--dry-run] [--max-operations n]</c> over <c>PUT /v1/bdbs/{uid}/actions/rebalance</c>.</summary>
    private static Command RebalanceCommand(CliServices services)
    {
        var db = DbArgument();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the blueprint: the nodes of every shard after the rebalance; move nothing" };
        var maxOperations = new Option<int?>("--max-operations")
        {
            Description = "Move at most n shards (the first of the plan)",
            HelpName = "n",
            CustomParser = ParsePositive,
        };
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("rebalance", "Move the database's shards so they follow its placement policy again (after nodes joined or left), with the fewest moves")
        {
            db, dryRun, maxOperations, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var bdb = await DbResolver.ResolveAsync(context.Api, context.GetValue(db)!, ct).ConfigureAwait(false);
            var uid = bdb.Uid!;
            if (context.GetValue(dryRun))
            {
                var blueprint = await context.Api.GetRebalanceBlueprintAsync(uid, context.GetValue(maxOperations), ct).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(blueprint.Json);
                }
                else
                {
                    BlueprintRenderer.Render(context.Out, uid, blueprint.Value ?? []);
                }
                return ExitCodes.Success;
            }
            var accepted = await context.Api.RebalanceBdbAsync(uid, context.GetValue(maxOperations), ct).ConfigureAwait(false);
            var label = $"database '{bdb.Name}' (db:{uid})";
            if (await ActionFollower.FollowAsync(context, accepted, $"Rebalancing {label}", context.GetValue(noWait), ct).ConfigureAwait(false))
            {
                context.Success($"{label} rebalanced");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static int? ParsePositive(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }
        result.AddError($"--max-operations must be a positive integer, not '{text}'");
        return null;
    }
}
