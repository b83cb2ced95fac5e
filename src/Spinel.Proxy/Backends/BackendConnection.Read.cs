using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Backends;

internal sealed partial class BackendConnection
{
    private async Task ReadLoopAsync(Socket socket, long generation)
    {
        var reader = PipeReader.Create(new NetworkStream(socket, ownsSocket: false), new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        var scanner = default(RespFrameScanner);
        var skip = _handshake is null ? 0 : _handshakeReplies;
        long scanned = 0;
        string reason = "closed by shard";
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_disposed.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (true)
                {
                    var status = ScanFrom(ref scanner, buffer, scanned, out var frameEnd);
                    if (status == OperationStatus.InvalidData)
                    {
                        reason = "invalid RESP from shard";
                        return;
                    }
                    if (status == OperationStatus.NeedMoreData)
                    {
                        scanned = buffer.Length;
                        break;
                    }
                    var frame = buffer.Slice(0, frameEnd);
                    if (skip > 0)
                    {
                        skip--;
                    }
                    else
                    {
                        Deliver(frame);
                    }
                    buffer = buffer.Slice(frameEnd);
                    scanned = 0;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = ex.Message;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            OnBroken(generation, reason);
        }
    }

    // Resumes the scanner at byte offset 'from' of the buffer (bytes before it were already fed to the scanner).
    private static OperationStatus ScanFrom(ref RespFrameScanner scanner, in ReadOnlySequence<byte> buffer, long from, out long frameEnd)
    {
        var offset = from;
        foreach (var segment in buffer.Slice(from))
        {
            var status = scanner.Scan(segment.Span, out var used);
            offset += used;
            if (status != OperationStatus.NeedMoreData)
            {
                frameEnd = offset;
                return status;
            }
        }
        frameEnd = -1;
        return OperationStatus.NeedMoreData;
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
            _sinks.TryDequeue(out sink);
        }
        sink?.OnReply(frame);
    }
}
