using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private async Task WriteLoopAsync()
    {
        var output = _connection.Transport.Output;
        var token = _closing.Token;
        try
        {
            while (await _queue.WaitForCompletionAsync(token).ConfigureAwait(false))
            {
                var wrote = false;
                var close = false;
                while (_queue.TryDequeueCompleted(out var slot))
                {
                    if (!slot.Suppressed)
                    {
                        output.Write(slot.Data);
                        wrote = true;
                    }
                    slot.Release();
                    if (slot.CloseAfterWrite)
                    {
                        close = true;
                        break;
                    }
                }
                if (!close && _queue.CompletedBytes > OutputLimit)
                {
                    Log.OutputLimit(_logger, Id, _queue.CompletedBytes);
                    Abort("output buffer limit reached");
                    return;
                }
                if (wrote)
                {
                    var flush = await output.FlushAsync(token).ConfigureAwait(false);
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        return;
                    }
                }
                if (close)
                {
                    _stopReading = true;
                    await output.CompleteAsync().ConfigureAwait(false);
                    _connection.Abort(new ConnectionAbortedException("closed after reply"));
                    _closing.Cancel();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            _closing.Cancel();
        }
    }

    private long OutputLimit => IsSubscribed ? _database.Options.PubSubOutputBufferLimit : _database.Options.ClientOutputBufferLimit;
}
