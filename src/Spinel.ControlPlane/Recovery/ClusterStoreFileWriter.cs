using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Spinel.ControlPlane.Recovery;

/// <summary>Keeps this node's <see cref="ClusterStoreFile"/> at the newest applied configuration, at most once a second.</summary>
public sealed partial class ClusterStoreFileWriter(IClusterStore store, IOptions<ControlPlaneOptions> options, TimeProvider time,
    ILogger<ClusterStoreFileWriter> logger) : BackgroundService
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = ClusterStoreFile.PathIn(options.Value.DataDir);
        long written = -1;
        var failing = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = store.GetChangeToken();
                var state = store.Current;
                if (state.IsCreated && state.Version != written)
                {
                    try
                    {
                        ClusterStoreFile.Write(path, state);
                        written = state.Version;
                        failing = false;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        if (!failing)
                        {
                            LogWriteFailed(logger, path, e.Message);
                        }
                        failing = true;
                    }
                }
                await Task.Delay(MinInterval, time, stoppingToken).ConfigureAwait(false);
                if (!changed.HasChanged && store.Current.Version == written)
                {
                    var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    using var registration = changed.RegisterChangeCallback(static s => ((TaskCompletionSource)s!).TrySetResult(), signal);
                    await signal.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Cannot write the cluster store file {Path}: {Error}; retrying on the next change")]
    private static partial void LogWriteFailed(ILogger logger, string path, string error);
}
