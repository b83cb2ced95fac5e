using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using Spinel.Cli.Api;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel failover [db &lt;db&gt;] shard &lt;ids...&gt; [immediate]</c>, as rladmin's, over <c>POST /v1/shards/actions/failover</c>.</summary>
internal static class FailoverCommand
{
    public static Command Create(CliServices services)
    {
        var words = new Argument<string[]>("words")
        {
            Description = "[db <db>] shard <id...> [immediate]: master shards as 1 or redis:1, the database as 3, db:3 or its name",
            Arity = ArgumentArity.OneOrMore,
        };
        var noWait = DbOptionFactory.NoWait();
        var command = new Command("failover", "Promote the replicas of master shards of one database; 'immediate' does not wait for them to catch up")
        {
            words, noWait,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var (db, shards, immediate) = Parse(context.GetValue(words) ?? []);
            if (db is not null)
            {
                await CheckShardsOfAsync(context.Api, db, shards, ct).ConfigureAwait(false);
            }
            var body = new JsonObject { ["shard_uids"] = new JsonArray([.. shards.Select(s => (JsonNode?)s)]) };
            if (immediate)
            {
                body["immediate"] = true;
            }
            var accepted = await context.Api.FailoverShardsAsync(body, ct).ConfigureAwait(false);
            if (await ActionFollower.FollowAsync(context, accepted, $"Executing shard fail-over: {RladminWords.Label(shards)}", context.GetValue(noWait), ct)
                .ConfigureAwait(false))
            {
                context.Finished();
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static (string? Db, List<string> Shards, bool Immediate) Parse(string[] words)
    {
        string? db = null;
        List<string>? shards = null;
        var immediate = false;
        for (var i = 0; i < words.Length;)
        {
            switch (words[i].ToLowerInvariant())
            {
                case "db":
                    db = RladminWords.ValueOf(words, i);
                    i += 2;
                    break;
                case "shard":
                    i++;
                    shards = RladminWords.ReadShards(words, ref i);
                    break;
                case "immediate":
                    immediate = true;
                    i++;
                    break;
                default:
                    throw new UsageException($"unexpected '{words[i]}' (usage: failover [db <db>] shard <id...> [immediate])");
            }
        }
        return (db, shards ?? throw new UsageException("name the shards to fail over: failover [db <db>] shard <id...> [immediate]"), immediate);
    }

    private static async Task CheckShardsOfAsync(SpinelApiClient api, string db, List<string> shards, CancellationToken cancellationToken)
    {
        var bdb = await DbResolver.ResolveAsync(api, db, cancellationToken).ConfigureAwait(false);
        var own = (bdb.ShardList ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (shards.FirstOrDefault(s => !own.Contains(s)) is { } stranger)
        {
            throw new SpinelApiException(HttpStatusCode.NotFound, "shard_not_exist", $"redis:{stranger} is not a shard of database '{bdb.Name}' (db:{bdb.Uid})");
        }
    }
}
