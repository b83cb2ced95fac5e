using Xunit.Sdk;

namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>Polls a condition until it holds (the synchronisation for state that changes in the background).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException("Timed out waiting until " + because);
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Like the other overload, but the failure message is built when the wait gives up (it can say what was seen last).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, Func<string> because, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException("Timed out waiting until " + because());
            }
            await Task.Delay(20);
        }
    }
}
