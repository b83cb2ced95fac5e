using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel node list</c> over <c>GET /v1/nodes</c>, and <c>spinel node &lt;id&gt; remove</c> as rladmin's.</summary>
internal static class NodeCommands
{
    private const string Usage = "node <id> remove [wait_for_persistence enabled|disabled]";

    public static Command Create(CliServices services)
    {
        var list = new Command("list", "List the cluster's nodes");
        CliAction.Set(list, services, async (context, ct) =>
        {
            var result = await context.Api.GetNodesAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                NodeRenderer.RenderList(context.Out, result.Value ?? []);
            }
            return ExitCodes.Success;
        });

        var words = new Argument<string[]>("id action")
        {
            Description = "<id> remove [wait_for_persistence enabled|disabled]: the node as 3 or node:3; remove moves its shards and endpoints away, then takes it out of the cluster",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var noWait = DbOptionFactory.NoWait();
        var node = new Command("node", "Inspect the cluster's nodes, or remove one (node <id> remove)") { list, words, noWait };
        CliAction.Set(node, services, (context, ct) => RemoveAsync(context, context.GetValue(words) ?? [], context.GetValue(noWait), ct));
        return node;
    }

    private static async Task<int> RemoveAsync(CliContext context, string[] words, bool noWait, CancellationToken cancellationToken)
    {
        if (words.Length < 2 || !words[1].Equals("remove", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"usage: spinel node list, or spinel {Usage}");
        }
        var uid = RladminWords.ParseNode(words[0]).ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject();
        for (var i = 2; i < words.Length; i += 2)
        {
            if (!words[i].Equals("wait_for_persistence", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"unexpected '{words[i]}' (usage: {Usage})");
            }
            body["wait_for_persistence"] = RladminWords.ParseSwitch("wait_for_persistence", RladminWords.ValueOf(words, i));
        }
        var accepted = await context.Api.RemoveNodeAsync(uid, body, cancellationToken).ConfigureAwait(false);
        if (await ActionFollower.FollowAsync(context, accepted, $"Performing remove action on node:{uid}", noWait, cancellationToken).ConfigureAwait(false))
        {
            context.Success($"node:{uid} removed");
        }
        return ExitCodes.Success;
    }
}
