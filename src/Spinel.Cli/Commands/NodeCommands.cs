using System.CommandLine;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel node list</c> over <c>GET /v1/nodes</c>.</summary>
internal static class NodeCommands
{
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
        return new Command("node", "Inspect the cluster's nodes") { list };
    }
}
