using Microsoft.Extensions.Primitives;

namespace Spinel.Model;

public static class ChangeTokenExtensions
{
    /// <summary>Completes when <paramref name="token"/> fires; cancelled with <paramref name="cancellationToken"/>, leaving no callback behind.</summary>
    public static async Task WaitAsync(this IChangeToken token, CancellationToken cancellationToken)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (token.RegisterChangeCallback(static s => ((TaskCompletionSource)s!).TrySetResult(), changed))
        using (cancellationToken.Register(static s => ((TaskCompletionSource)s!).TrySetCanceled(), changed))
        {
            await changed.Task.ConfigureAwait(false);
        }
    }
}
