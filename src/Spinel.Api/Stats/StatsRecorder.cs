using Microsoft.Extensions.Hosting;

namespace Spinel.Api.Stats;

/// <summary>Samples this node's figures once a second into its <see cref="StatsHistory"/>.</summary>
internal sealed class StatsRecorder(IStatsSampler sampler, StatsHistory history, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            history.Record(sampler.Capture());
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
