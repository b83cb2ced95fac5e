using Microsoft.Extensions.Primitives;

namespace Spinel.NodeAgent.Supervision;

/// <summary>Hands out change tokens and fires them when a shard status changes in a way the control plane acts on. Thread-safe.</summary>
internal sealed class ShardStatusChanges
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Fires the outstanding tokens when <paramref name="before"/> and <paramref name="after"/> differ in a field that matters.</summary>
    public void Compare(ShardStatus before, ShardStatus after)
    {
        if (Matters(before, after))
        {
            Notify();
        }
    }

    public void Notify()
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            fired = _changed;
            _changed = new CancellationTokenSource();
        }
        _ = FireAsync(fired);
    }

    // Listeners run on the thread pool: a slow or throwing one must not hold up or break a shard's loop.
    private static async Task FireAsync(CancellationTokenSource fired)
    {
        try
        {
            await fired.CancelAsync().ConfigureAwait(false);
        }
        catch (AggregateException)
        {
            // A listener's own failure; the token has fired for the others all the same.
        }
        finally
        {
            fired.Dispose();
        }
    }

    // Offsets, errors and health times change all the time; reporting them is the heartbeat's job, not a trigger for one.
    internal static bool Matters(ShardStatus before, ShardStatus after) =>
        before.State != after.State ||
        before.Role != after.Role ||
        before.MasterLinkUp != after.MasterLinkUp ||
        before.AwaitingDecision != after.AwaitingDecision ||
        before.Pid != after.Pid ||
        before.Generation != after.Generation;
}
