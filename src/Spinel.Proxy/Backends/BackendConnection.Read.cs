using System.Buffers;
using System.Net.Sockets;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Backends;

internal sealed partial class BackendConnection
{
    private const int ReceiveBufferSize = 64 * 1024;

    // Reads into one contiguous buffer: a reply never spans buffers, so frames are handed on as one span; a frame
    // larger than the buffer grows it.
    private async Task ReadLoopAsync(Socket socket, long generation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        var scanner = default(RespFrameScanner);
        var skip = _handshake is null ? 0 : _handshakeReplies;
        int start = 0, scanned = 0, end = 0;
        var reason = "closed by shard";
        var invalid = false;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        (scanned, end, start) = (scanned - start, end - start, 0);
                    }
                    else
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }
                var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, _disposed.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                end += read;
                CompletionBatch.Begin();
                try
                {
                    ScanAndDeliver();
                }
                finally
                {
                    CompletionBatch.End();
                }
                if (invalid)
                {
                    reason = "invalid RESP from shard";
                    return;
                }
                if (start == end)
                {
                    start = scanned = end = 0;
                }
            }

            void ScanAndDeliver()
            {
                while (scanned < end)
                {
                    var status = scanner.Scan(buffer.AsSpan(scanned, end - scanned), out var used);
                    scanned += used;
                    if (status == OperationStatus.InvalidData)
                    {
                        invalid = true;
                        return;
                    }
                    if (status == OperationStatus.NeedMoreData)
                    {
                        break;
                    }
                    if (skip > 0)
                    {
                        skip--;
                    }
                    else
                    {
                        Deliver(new ReadOnlySequence<byte>(buffer, start, scanned - start));
                    }
                    start = scanned;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = ex.Message;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            OnBroken(generation, reason);
        }
    }

    private void Deliver(in ReadOnlySequence<byte> frame)
    {
        if (PushHandler is { } pushHandler)
        {
            pushHandler.OnReply(frame);
            return;
        }
        IReplySink? sink;
        lock (_gate)
        {
            if (_sinks.TryDequeue(out sink) && _awaiting > 0)
            {
                _awaiting--;
            }
        }
        sink?.OnReply(frame);
    }
}
