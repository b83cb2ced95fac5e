using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Spinel.Proxy.Backends;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private byte[] _frameCopy = new byte[4096];
    private long _scanned;
    private bool _stopReading;

    private async Task ReadLoopAsync()
    {
        var input = _connection.Transport.Input;
        var token = _closing.Token;
        try
        {
            while (!_stopReading)
            {
                if (_queue.Count >= _database.Options.MaxPipelineDepth)
                {
                    if (!await _queue.WaitForSpaceAsync(token).ConfigureAwait(false))
                    {
                        return;
                    }
                    continue;
                }
                var result = await input.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                LastActivity = _time.GetUtcNow();
                var received = buffer.Length;
                bool stoppedEarly;
                CompletionBatch.Begin();
                try
                {
                    stoppedEarly = ProcessBuffer(ref buffer);
                    FlushTouched();
                }
                finally
                {
                    CompletionBatch.End();
                }
                _database.Counters.AddIngress(received - buffer.Length);
                if (stoppedEarly)
                {
                    input.AdvanceTo(buffer.Start);
                }
                else
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                }
                if (IsParked)
                {
                    await WaitWhileParkedAsync(token).ConfigureAwait(false);
                    continue;
                }
                // A client that stopped sending still gets the requests it sent before: read on until they all ran.
                if (!stoppedEarly && (result.IsCompleted || result.IsCanceled))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            FlushTouched();
        }
    }

    // Runs every complete command in the buffer; returns true when it stopped before the end (queue full or a request
    // held: it stays at the start of the buffer, unread, to run again).
    private bool ProcessBuffer(ref ReadOnlySequence<byte> buffer)
    {
        while (buffer.Length > _scanned)
        {
            if (_stopReading || _queue.Count >= _database.Options.MaxPipelineDepth)
            {
                return !_stopReading;
            }
            OperationStatus status;
            long frameEnd;
            bool ready;
            try
            {
                status = Scan(buffer, out frameEnd);
                if (status == OperationStatus.NeedMoreData)
                {
                    _scanned = buffer.Length;
                    return false;
                }
                _scanned = 0;
                var frame = buffer.Slice(0, frameEnd);
                ready = PrepareRequest(frame);
            }
            catch (RespProtocolException ex)
            {
                Log.ProtocolError(_logger, Id, ex.Message);
                var slot = _queue.Enqueue();
                slot.CloseAfterWrite = true;
                slot.CompleteError("ERR " + ex.Message);
                _stopReading = true;
                buffer = buffer.Slice(buffer.End);
                return false;
            }
            if (!ready)
            {
                buffer = buffer.Slice(frameEnd);
                continue;
            }
            Execute();
            if (IsParked)
            {
                return true;
            }
            buffer = buffer.Slice(frameEnd);
            if (_holding)
            {
                EndHold();
            }
        }
        return false;
    }

    private OperationStatus Scan(in ReadOnlySequence<byte> buffer, out long frameEnd)
    {
        var offset = _scanned;
        foreach (var segment in buffer.Slice(_scanned))
        {
            var status = _scanner.Scan(segment.Span, out var used);
            offset += used;
            if (status == OperationStatus.Done)
            {
                frameEnd = offset;
                return status;
            }
        }
        frameEnd = -1;
        return OperationStatus.NeedMoreData;
    }

    // Makes the frame contiguous and loads it into _request; false for empty frames.
    private bool PrepareRequest(in ReadOnlySequence<byte> frame)
    {
        ReadOnlyMemory<byte> bytes;
        if (frame.IsSingleSegment)
        {
            bytes = frame.First;
        }
        else
        {
            var length = (int)frame.Length;
            if (_frameCopy.Length < length)
            {
                _frameCopy = new byte[Math.Max(length, _frameCopy.Length * 2)];
            }
            frame.CopyTo(_frameCopy);
            bytes = _frameCopy.AsMemory(0, length);
        }
        if (_scanner.IsEmpty)
        {
            return false;
        }
        if (_scanner.IsInline)
        {
            _scanner.CompleteInline(bytes.Span);
            if (_scanner.IsEmpty)
            {
                return false;
            }
        }
        else
        {
            _request.Attach(bytes);
        }
        if (_frameCopy.Length > 1024 * 1024 && bytes.Length < 64 * 1024)
        {
            // Do not keep a huge copy buffer alive after one big request.
            _frameCopy = new byte[4096];
        }
        return true;
    }

    private void Touch(Backends.BackendConnection connection)
    {
        foreach (var touched in _touched)
        {
            if (ReferenceEquals(touched, connection))
            {
                return;
            }
        }
        _touched.Add(connection);
    }

    private void FlushTouched()
    {
        foreach (var connection in _touched)
        {
            connection.Flush();
        }
        _touched.Clear();
    }
}
