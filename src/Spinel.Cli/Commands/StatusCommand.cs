using System.CommandLine;
using Spinel.Cli.Api;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel status</c>: the rladmin-style overview from <c>/v1/cluster</c>, <c>/v1/nodes</c>, <c>/v1/bdbs</c> and <c>/v1/shards</c>.</summary>
internal static class StatusCommand
{
    public static Command Create(CliServices services)
    {
        var command = new Command("status", "Show the cluster, its nodes, databases, endpoints and shards (as rladmin status)");
        CliAction.Set(command, services, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var api = context.Api;
        var cluster = api.GetClusterAsync(cancellationToken);
        var nodes = api.GetNodesAsync(cancellationToken);
        var bdbs = api.GetBdbsAsync(cancellationToken);
        var shards = api.GetShardsAsync(cancellationToken);
        var roles = context.Json ? Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()) : GetRolesAsync(api, cancellationToken);
        await Task.WhenAll(cluster, nodes, bdbs, shards, roles).ConfigureAwait(false);

        if (context.Json)
        {
            context.WriteJson($"{{\"cluster\":{Raw(cluster.Result)},\"nodes\":{Raw(nodes.Result)},\"bdbs\":{Raw(bdbs.Result)},\"shards\":{Raw(shards.Result)}}}");
            return ExitCodes.Success;
        }

        StatusRenderer.Render(context.Out, new ClusterStatus(
            cluster.Result.Value ?? new ClusterInfo(),
            nodes.Result.Value ?? [],
            bdbs.Result.Value ?? [],
            shards.Result.Value ?? [],
            roles.Result));
        return ExitCodes.Success;
    }

    private static string Raw<T>(ApiResult<T> result) => string.IsNullOrWhiteSpace(result.Json) ? "null" : result.Json.Trim();

    // Redis Enterprise tells the cluster master through /v1/nodes/status; a server without it still gets a status, minus roles.
    private static async Task<IReadOnlyDictionary<string, string>> GetRolesAsync(SpinelApiClient api, CancellationToken cancellationToken)
    {
        try
        {
            var statuses = (await api.GetNodesStatusAsync(cancellationToken).ConfigureAwait(false)).Value;
            return statuses?.Where(s => s.Value.Role is not null).ToDictionary(s => s.Key, s => s.Value.Role!) ?? [];
        }
        catch (SpinelApiException)
        {
            return new Dictionary<string, string>();
        }
    }
}
