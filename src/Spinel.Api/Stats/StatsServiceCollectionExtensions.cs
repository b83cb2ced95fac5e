using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Spinel.Api.Stats;

public static class StatsServiceCollectionExtensions
{
    /// <summary>Adds the stats history, its once-a-second recorder and the cluster-wide collector; the host adds an <see cref="IStatsSampler"/>.</summary>
    public static IServiceCollection AddSpinelStats(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StatsHistory>();
        services.AddSingleton<StatsCollector>();
        services.AddHostedService<StatsRecorder>();
        return services;
    }
}
