using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel tune cluster &lt;setting value&gt;...</c>, as rladmin's, over <c>PUT /v1/cluster</c>.</summary>
internal static class TuneCommands
{
    private const string Known = "failure_detection_sensitivity high|low, slave_ha enabled|disabled, slave_ha_grace_period <seconds>";

    public static Command Create(CliServices services) => new("tune", "Change cluster settings (as rladmin tune)")
    {
        ClusterCommand(services),
    };

    private static Command ClusterCommand(CliServices services)
    {
        var settings = new Argument<string[]>("setting value")
        {
            Description = $"Changes as pairs: {Known}",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("cluster", "Change the cluster's failure detection and replica HA settings") { settings };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var changes = Parse(context.GetValue(settings) ?? []);
            var result = await context.Api.UpdateClusterAsync(changes, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            context.Finished();
            return ExitCodes.Success;
        });
        return command;
    }

    /// <exception cref="UsageException">An odd count, an unknown setting or a bad value.</exception>
    private static JsonObject Parse(string[] words)
    {
        if (words.Length % 2 != 0)
        {
            throw new UsageException($"setting '{words[^1]}' has no value (give pairs such as 'slave_ha disabled')");
        }
        var changes = new JsonObject();
        for (var i = 0; i < words.Length; i += 2)
        {
            var (setting, value) = (words[i].ToLowerInvariant(), words[i + 1]);
            var (field, parsed) = setting switch
            {
                "failure_detection_sensitivity" => (setting, Sensitivity(value)),
                // rladmin's older name for the same setting.
                "watchdog_profile" => ("failure_detection_sensitivity", Profile(value)),
                "slave_ha" => (setting, (JsonNode)RladminWords.ParseSwitch(setting, value)),
                "slave_ha_grace_period" => (setting, Seconds(value)),
                _ => throw new UsageException($"unknown setting '{words[i]}' (known: {Known})"),
            };
            changes[field] = parsed;
        }
        return changes;
    }

    private static JsonNode Sensitivity(string value) => value.ToLowerInvariant() switch
    {
        "high" or "low" => value.ToLowerInvariant(),
        _ => throw new UsageException($"failure_detection_sensitivity must be high or low, not '{value}'"),
    };

    private static JsonNode Profile(string value) => value.ToLowerInvariant() switch
    {
        "local-network" => "high",
        "cloud" => "low",
        _ => throw new UsageException($"watchdog_profile must be local-network or cloud, not '{value}'"),
    };

    private static JsonNode Seconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new UsageException($"slave_ha_grace_period must be a number of seconds (0 or more), not '{value}'");
}
