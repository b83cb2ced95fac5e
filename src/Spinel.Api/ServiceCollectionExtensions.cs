using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spinel.Api.Auth;
using Spinel.Api.Endpoints;
using Spinel.Api.Forwarding;

namespace Spinel.Api;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <see cref="EndpointRouteBuilderExtensions.MapSpinelApi"/> needs besides its dependencies, which the host
    /// registers: <c>IClusterStore</c>, <c>IDatabaseOperations</c>, <c>INodeOperations</c>, <c>IShardOperations</c>,
    /// <c>IRebalanceOperations</c>, <c>IClusterHealth</c> (the registry its heartbeat endpoint feeds) and
    /// <c>IBootstrapService</c>. Without <c>IShardOperations</c> the shard actions answer 500, without
    /// <c>IRebalanceOperations</c> the rebalance does, without <c>IClusterHealth</c> the shard reads do.
    /// <see cref="TimeProvider.System"/> is added when no <see cref="TimeProvider"/> is.
    /// </summary>
    public static IServiceCollection AddSpinelApi(this IServiceCollection services, Action<SpinelApiOptions>? configure = null)
    {
        var options = services.AddOptions<SpinelApiOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpinelApiOptions>, SpinelApiOptionsValidator>());
        services.AddRouting();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UserAuthenticator>();
        services.TryAddSingleton<IForwardingHandlerFactory, ClusterCaHandlerFactory>();
        services.TryAddSingleton<LeaderForwarder>();
        services.TryAddSingleton<RouteMethodIndex>();
        return services;
    }
}
