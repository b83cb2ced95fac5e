using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spinel.NodeAgent.Supervision;

namespace Spinel.NodeAgent;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the node agent: <see cref="ShardSupervisor"/> as a hosted service and as <see cref="IShardStatusProvider"/>.
    /// The host must register <see cref="Spinel.Model.ITopologySource"/>; <see cref="TimeProvider.System"/> is added when no
    /// <see cref="TimeProvider"/> is. Options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddNodeAgent(this IServiceCollection services, Action<NodeAgentOptions> configure)
    {
        services.AddOptions<NodeAgentOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NodeAgentOptions>, NodeAgentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShardSupervisor>();
        services.TryAddSingleton<IShardStatusProvider>(sp => sp.GetRequiredService<ShardSupervisor>());
        services.AddHostedService(sp => sp.GetRequiredService<ShardSupervisor>());
        return services;
    }
}
