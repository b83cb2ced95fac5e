using Microsoft.Extensions.DependencyInjection;

namespace Spinel.Discovery;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the Sentinel-protocol discovery service, answering from the registered topology source.</summary>
    public static IServiceCollection AddSpinelDiscovery(this IServiceCollection services, Action<DiscoveryOptions> configure)
    {
        services.Configure(configure);
        return services;
    }
}
