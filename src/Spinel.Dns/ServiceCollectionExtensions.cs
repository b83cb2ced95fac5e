using Microsoft.Extensions.DependencyInjection;

namespace Spinel.Dns;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the authoritative DNS server for the cluster zone, answering from the registered topology source.</summary>
    public static IServiceCollection AddSpinelDns(this IServiceCollection services, Action<ClusterDnsOptions> configure)
    {
        services.Configure(configure);
        return services;
    }
}
