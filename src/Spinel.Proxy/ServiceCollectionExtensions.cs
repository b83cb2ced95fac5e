using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Model;
using Spinel.Proxy.Hosting;

namespace Spinel.Proxy;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the RESP proxy: it binds the endpoints the <see cref="ITopologySource"/> assigns to this node. Writes go
    /// through the registered <see cref="IWriteFence"/>; <see cref="WriteLease.AlwaysOpen"/> unless the host added one.
    /// </summary>
    public static IServiceCollection AddSpinelProxy(this IServiceCollection services, Action<ProxyOptions> configure)
    {
        services.Configure(configure);
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWriteFence>(WriteLease.AlwaysOpen);
        // The proxy's own socket transport, apart from any HTTP server's: continuations run inline on the socket
        // threads because every step after a read is short and non-blocking, which saves a thread hop per request.
        services.TryAddKeyedSingleton<IConnectionListenerFactory>(EndpointManager.TransportKey, (sp, _) => new SocketTransportFactory(
            Options.Create(new SocketTransportOptions { NoDelay = true, UnsafePreferInlineScheduling = true }),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<EndpointManager>();
        services.AddSingleton<IEndpointStatusProvider>(sp => sp.GetRequiredService<EndpointManager>());
        services.AddSingleton<Metrics.IEndpointMetricsProvider>(sp => sp.GetRequiredService<EndpointManager>());
        services.AddHostedService(sp => sp.GetRequiredService<EndpointManager>());
        return services;
    }
}
