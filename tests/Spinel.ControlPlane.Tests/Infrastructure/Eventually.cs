using Xunit.Sdk;

namespace Spinel.ControlPlane.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a timeout passes; tests never synchronise on a fixed sleep.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new XunitException($"Timed out after {limit.TotalSeconds} s waiting for: {what}");
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until <paramref name="probe"/> returns a value satisfying <paramref name="condition"/> and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<T> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var value = probe();
        await UntilAsync(() => condition(value = probe()), what, timeout);
        return value;
    }
}
