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
            await token.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
