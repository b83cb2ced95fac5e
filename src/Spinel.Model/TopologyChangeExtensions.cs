using Microsoft.Extensions.Primitives;

namespace Spinel.Model;

public static class TopologyChangeExtensions
{
    /// <summary>Waits until the source publishes a snapshot newer than <paramref name="knownVersion"/> and returns it.</summary>
    public static async Task<TopologySnapshot> WaitForNewerAsync(this ITopologySource source, long knownVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            var token = source.GetChangeToken();
            var current = source.Current;
            if (current.Version > knownVersion)
            {
                return current;
            }
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (token.RegisterChangeCallback(static s => ((TaskCompletionSource)s!).TrySetResult(), changed))
            using (cancellationToken.Register(static s => ((TaskCompletionSource)s!).TrySetCanceled(), changed))
            {
                await changed.Task.ConfigureAwait(false);
            }
        }
    }
}
