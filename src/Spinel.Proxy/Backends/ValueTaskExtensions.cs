namespace Spinel.Proxy.Backends;

internal static class ValueTaskExtensions
{
    /// <summary>Lets a clean-up run on its own; it logs its own failures, so nobody needs to await it.</summary>
    public static void Forget(this ValueTask task)
    {
        if (!task.IsCompleted)
        {
            _ = task.AsTask();
        }
    }
}
