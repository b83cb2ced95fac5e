using Xunit.Sdk;

namespace Spinel.NodeAgent.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a timeout passes; tests never rely on a fixed sleep alone.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new XunitException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds} s waiting for: {what}");
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until <paramref name="probe"/> returns a value satisfying <paramref name="condition"/> and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<T> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var value = probe();
        await UntilAsync(() => condition(value = probe()), $"{what} (last seen: {value})", timeout);
        return value;
    }
}
