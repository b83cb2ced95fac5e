namespace Spinel.Proxy.Backends;

/// <summary>Something that wants one call after a batch of completions rather than one per completion.</summary>
internal interface IBatchedCompletion
{
    void OnBatchEnd();
}

/// <summary>
/// Collects, on the current thread, the receivers of completions made while a batch is open (a backend read of many
/// replies, a client read of many commands), and notifies each once when the batch ends: one write and flush per
/// client per batch instead of one per reply.
/// </summary>
internal static class CompletionBatch
{
    [ThreadStatic]
    private static List<IBatchedCompletion>? t_pending;

    [ThreadStatic]
    private static int t_depth;

    public static void Begin() => t_depth++;

    /// <summary>Defers the notification to the end of the open batch; false when no batch is open on this thread.</summary>
    public static bool TryDefer(IBatchedCompletion receiver)
    {
        if (t_depth == 0)
        {
            return false;
        }
        var pending = t_pending ??= new List<IBatchedCompletion>(16);
        if (pending.Count == 0 || !ReferenceEquals(pending[^1], receiver))
        {
            pending.Add(receiver);
        }
        return true;
    }

    public static void End()
    {
        if (--t_depth > 0 || t_pending is not { Count: > 0 } pending)
        {
            return;
        }
        // Notifications may open batches of their own on this thread; detach the list while running them.
        t_pending = null;
        foreach (var receiver in pending)
        {
            receiver.OnBatchEnd();
        }
        pending.Clear();
        t_pending ??= pending;
    }
}
