namespace Spinel.Proxy.Sessions;

/// <summary>A client's (un)subscribe command: its confirmation is written once every shard involved confirmed.</summary>
internal sealed class PubSubRequest(ReplySlot slot, byte[] confirmation, int shards)
{
    private readonly Lock _gate = new();
    private int _remaining = shards;
    private bool _done;
    private Action? _onDone;

    public void OnShardDone()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Finish();
        }
    }

    public void CompleteIfNoShards()
    {
        if (Volatile.Read(ref _remaining) == 0)
        {
            Finish();
        }
    }

    /// <summary>Runs <paramref name="action"/> once every shard confirmed (at once if they already did).</summary>
    public void WhenDone(Action action)
    {
        lock (_gate)
        {
            if (!_done)
            {
                _onDone += action;
                return;
            }
        }
        action();
    }

    private void Finish()
    {
        slot.Complete(confirmation);
        Action? onDone;
        lock (_gate)
        {
            _done = true;
            onDone = _onDone;
            _onDone = null;
        }
        onDone?.Invoke();
    }
}
