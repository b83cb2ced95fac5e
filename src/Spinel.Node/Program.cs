using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spinel.Model;
using Spinel.Node;
using Spinel.Node.Cluster;
using Spinel.Node.Topology;
using Spinel.NodeAgent;
using Spinel.Proxy;

// Socket completions run on the epoll thread instead of hopping to the thread pool: every proxy step after a
// read is short and non-blocking, and the hop costs tens of microseconds per request (docs/performance.md).
// Set DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 to turn it off. Must happen before the first socket is used.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

var mode = new ConfigurationBuilder().AddCommandLine(args).AddEnvironmentVariables("SPINEL_").Build()["Node:Mode"] ?? "cluster";
try
{
    if (string.Equals(mode, "static", StringComparison.OrdinalIgnoreCase))
    {
        return await RunStaticAsync(args);
    }
    using var app = ClusterNodeApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    Console.Error.WriteLine($"spinel-node: invalid settings: {ex.Message}");
    return 2;
}
catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
{
    Console.Error.WriteLine($"spinel-node: {ex.Message} (is another node running with the same address?)");
    return 2;
}

// One node with a fixed topology and no control plane: the data path alone, for tests and benchmarks.
static async Task<int> RunStaticAsync(string[] args)
{
    var builder = Host.CreateApplicationBuilder(args);
    var node = builder.Configuration.GetSection("Node").Get<NodeOptions>() ?? new NodeOptions();
    var topologyFile = builder.Configuration["Topology:File"];
    TopologySnapshot topology;
    try
    {
        topology = string.IsNullOrEmpty(topologyFile)
            ? StaticTopology.SingleDatabase(node, builder.Configuration.GetSection("DefaultDb").Get<DefaultDatabaseOptions>() ?? new DefaultDatabaseOptions())
            : StaticTopology.FromFile(topologyFile);
    }
    catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"spinel-node: cannot load the topology: {ex.Message}");
        return 2;
    }

    builder.Services.AddSingleton(node);
    builder.Services.AddSingleton<ITopologySource>(new InMemoryTopologySource(topology));
    builder.Services.AddNodeAgent(o =>
    {
        o.NodeUid = node.Uid;
        o.DataDir = Path.GetFullPath(node.DataDir);
        builder.Configuration.GetSection("NodeAgent").Bind(o);
    });
    builder.Services.AddSpinelProxy(o =>
    {
        o.NodeUid = node.Uid;
        o.BindAddress = node.Address;
        builder.Configuration.GetSection("Proxy").Bind(o);
    });
    builder.Services.AddHostedService<ReadyBanner>();

    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}
