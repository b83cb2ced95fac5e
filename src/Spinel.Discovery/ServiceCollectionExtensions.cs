using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Discovery.Hosting;
using Spinel.Discovery.PubSub;
using Spinel.Discovery.View;

namespace Spinel.Discovery;

public static class ServiceCollectionExtensions
{
    /// <summary>Adds the Sentinel-protocol discovery service, answering from the registered topology source.</summary>
    public static IServiceCollection AddSpinelDiscovery(this IServiceCollection services, Action<DiscoveryOptions> configure)
    {
        services.AddOptions<DiscoveryOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscoveryOptions>, DiscoveryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<IConnectionListenerFactory>(DiscoveryService.TransportKey, (sp, _) => new SocketTransportFactory(
            Options.Create(new SocketTransportOptions { NoDelay = true }), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<SentinelViewSource>();
        services.AddSingleton<SubscriberRegistry>();
        services.AddSingleton<DiscoveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscoveryService>());
        return services;
    }
}
