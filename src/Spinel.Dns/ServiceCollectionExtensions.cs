using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spinel.Model;

namespace Spinel.Dns;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the authoritative DNS server for the cluster zone, answering from the registered <see cref="ITopologySource"/>;
    /// it listens on <see cref="ClusterDnsOptions.Port"/> unless that is 0.
    /// </summary>
    public static IServiceCollection AddSpinelDns(this IServiceCollection services, Action<ClusterDnsOptions> configure)
    {
        services.Configure(configure);
        services.AddSingleton<IValidateOptions<ClusterDnsOptions>, ClusterDnsOptionsValidator>();
        services.AddSingleton<ClusterDnsServer>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterDnsServer>());
        return services;
    }
}
