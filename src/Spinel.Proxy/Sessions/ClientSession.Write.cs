using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Spinel.Proxy.Backends;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private int _draining;
    private volatile bool _drainRequested;
    private volatile bool _outputClosed;

    private long OutputLimit => IsSubscribed ? _database.Options.PubSubOutputBufferLimit : _database.Options.ClientOutputBufferLimit;

    /// <summary>
    /// Writes the completed prefix of the reply queue to the client. Whichever thread completes a reply and finds no
    /// drain running does it inline (no hand-off to another thread); a drain that finds more work keeps going.
    /// </summary>
    private void OnReplyCompleted()
    {
        _drainRequested = true;
        if (!CompletionBatch.TryDefer(this))
        {
            StartDrain();
        }
    }

    public void OnBatchEnd() => StartDrain();

    private void StartDrain()
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            Drain();
        }
    }

    private void Drain()
    {
        var output = _connection.Transport.Output;
        while (true)
        {
            _drainRequested = false;
            if (_outputClosed)
            {
                EndDrainForGood();
                return;
            }
            bool wrote, close;
            try
            {
                (wrote, close) = WriteCompleted(output);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or IOException)
            {
                EndDrainForGood();
                Abort("client connection closed");
                return;
            }
            if (!close && _queue.CompletedBytes > OutputLimit)
            {
                EndDrainForGood();
                Log.OutputLimit(_logger, Id, _queue.CompletedBytes);
                Abort("output buffer limit reached");
                return;
            }
            if (wrote || close)
            {
                ValueTask<FlushResult> flush;
                try
                {
                    // Consumed exactly once below: either read synchronously or awaited by FinishFlushThenDrainAsync.
#pragma warning disable CA2012
                    flush = output.FlushAsync();
#pragma warning restore CA2012
                }
                catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or IOException)
                {
                    EndDrainForGood();
                    Abort("client connection closed");
                    return;
                }
                if (!flush.IsCompletedSuccessfully)
                {
                    // The client reads slowly: finish this flush asynchronously, still owning the drain.
                    _ = FinishFlushThenDrainAsync(flush, close);
                    return;
                }
                if (close || flush.Result.IsCompleted || flush.Result.IsCanceled)
                {
                    CloseAfterReply(close);
                    return;
                }
            }
            Volatile.Write(ref _draining, 0);
            if (!_drainRequested || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task FinishFlushThenDrainAsync(ValueTask<FlushResult> flush, bool close)
    {
        try
        {
            var result = await flush.ConfigureAwait(false);
            if (close || result.IsCompleted || result.IsCanceled)
            {
                CloseAfterReply(close);
                return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            EndDrainForGood();
            Abort("client connection closed");
            return;
        }
        _drainRequested = true;
        Volatile.Write(ref _draining, 0);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            Drain();
        }
    }

    private (bool Wrote, bool Close) WriteCompleted(PipeWriter output)
    {
        var wrote = false;
        long bytes = 0;
        while (_queue.TryDequeueCompleted(out var slot))
        {
            if (!slot.Suppressed && slot.Length > 0)
            {
                output.Write(slot.Data);
                bytes += slot.Length;
                wrote = true;
            }
            slot.Release();
            if (slot.CloseAfterWrite)
            {
                _database.Counters.AddEgress(bytes);
                return (wrote, true);
            }
        }
        if (bytes > 0)
        {
            _database.Counters.AddEgress(bytes);
        }
        return (wrote, false);
    }

    private void CloseAfterReply(bool requested)
    {
        EndDrainForGood();
        _stopReading = true;
        if (requested)
        {
            _connection.Transport.Output.Complete();
        }
        Abort(requested ? "closed after reply" : "client connection closed");
    }

    // A drain that stops for good releases the drain right, so StopDraining never waits for it.
    private void EndDrainForGood()
    {
        _outputClosed = true;
        Volatile.Write(ref _draining, 0);
    }

    /// <summary>Stops all writing for good, waiting for a drain in progress on another thread to finish.</summary>
    private void StopDraining()
    {
        _outputClosed = true;
        var spinner = default(SpinWait);
        while (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
        {
            spinner.SpinOnce();
            if (spinner.Count > 2000)
            {
                return;
            }
        }
    }
}
