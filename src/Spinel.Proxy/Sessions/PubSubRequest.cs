namespace Spinel.Proxy.Sessions;

/// <summary>A client's (un)subscribe command: its confirmation is written once every shard involved confirmed.</summary>
internal sealed class PubSubRequest(ReplySlot slot, byte[] confirmation, int shards)
{
    private int _remaining = shards;

    public void OnShardDone()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            slot.Complete(confirmation);
        }
    }

    public void CompleteIfNoShards()
    {
        if (Volatile.Read(ref _remaining) == 0)
        {
            slot.Complete(confirmation);
        }
    }
}
