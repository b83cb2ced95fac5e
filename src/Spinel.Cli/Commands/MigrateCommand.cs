using System.CommandLine;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

/// <summary>
/// <c>spinel migrate shard &lt;ids...&gt; target_node &lt;id&gt; [preserve_roles] [override_policy]</c>, as rladmin's,
/// over <c>POST /v1/shards/actions/migrate</c>.
/// </summary>
internal static class MigrateCommand
{
    private const string Usage = "migrate shard <id...> target_node <id> [preserve_roles] [override_policy]";

    public static Command Create(CliServices services)
    {
        var words = new Argument<string[]>("words")
        {
            Description = "shard <id...> target_node <id> [preserve_roles] [override_policy]: shards as 1 or redis:1, the node as 2 or node:2",
            Arity = ArgumentArity.OneOrMore,
        };
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("migrate", "Move shards to another node; 'preserve_roles' fails a moved master over again so it stays master")
        {
            words, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var (shards, target, preserveRoles, overridePolicy) = Parse(context.GetValue(words) ?? []);
            var body = new JsonObject
            {
                ["shard_uids"] = new JsonArray([.. shards.Select(s => (JsonNode?)s)]),
                ["target_node_uid"] = target,
            };
            if (preserveRoles)
            {
                body["preserve_roles"] = true;
            }
            if (overridePolicy)
            {
                body["override_rack_policy"] = true;
            }
            var accepted = await context.Api.MigrateShardsAsync(body, ct).ConfigureAwait(false);
            var title = $"Executing shard migration: {RladminWords.Label(shards)} to node:{target}";
            if (await ActionFollower.FollowAsync(context, accepted, title, context.GetValue(noWait), ct).ConfigureAwait(false))
            {
                context.Finished();
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static (List<string> Shards, int Target, bool PreserveRoles, bool OverridePolicy) Parse(string[] words)
    {
        List<string>? shards = null;
        int? target = null;
        bool preserveRoles = false, overridePolicy = false;
        for (var i = 0; i < words.Length;)
        {
            switch (words[i].ToLowerInvariant())
            {
                case "shard":
                    i++;
                    shards = RladminWords.ReadShards(words, ref i);
                    break;
                case "target_node":
                    target = RladminWords.ParseNode(RladminWords.ValueOf(words, i));
                    i += 2;
                    break;
                case "preserve_roles":
                    preserveRoles = true;
                    i++;
                    break;
                case "override_policy":
                    overridePolicy = true;
                    i++;
                    break;
                default:
                    throw new UsageException($"unexpected '{words[i]}' (usage: {Usage})");
            }
        }
        return (shards ?? throw new UsageException($"name the shards to move: {Usage}"),
            target ?? throw new UsageException($"name the node to move them to: {Usage}"),
            preserveRoles, overridePolicy);
    }
}
