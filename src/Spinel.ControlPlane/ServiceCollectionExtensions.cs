using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Raft;

namespace Spinel.ControlPlane;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Raft cluster store: <see cref="RaftClusterStore"/> as a hosted service and as <see cref="IClusterStore"/>.
    /// <see cref="TimeProvider.System"/> is added when no <see cref="TimeProvider"/> is. Options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddControlPlane(this IServiceCollection services, Action<ControlPlaneOptions> configure)
    {
        services.AddOptions<ControlPlaneOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControlPlaneOptions>, ControlPlaneOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RaftTransportCredentials>();
        services.TryAddSingleton<RaftClusterStore>();
        services.TryAddSingleton<IClusterStore>(sp => sp.GetRequiredService<RaftClusterStore>());
        services.AddHostedService(sp => sp.GetRequiredService<RaftClusterStore>());
        return services;
    }
}
