using System.Buffers;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Spinel.Discovery.PubSub;
using Spinel.Resp.Framing;

namespace Spinel.Discovery.Sessions;

/// <summary>
/// One client of the discovery service. The read loop runs each command and queues its reply; one write loop sends
/// queued replies and pub/sub messages in queue order, so messages never overtake a (un)subscribe confirmation.
/// </summary>
internal sealed partial class SentinelSession : ISubscriber
{
    // Larger requests are not Sentinel commands; refusing them bounds what a client can make us buffer.
    private const int MaxRequestBytes = 64 * 1024;
    private const long MaxPendingReplyBytes = 1024 * 1024;
    // As redis's pubsub client-output-buffer-limit: a subscriber this far behind is disconnected.
    private const long MaxPendingPushBytes = 8 * 1024 * 1024;

    private readonly ConnectionContext _connection;
    private readonly SessionContext _context;
    private readonly RespRequest _request = new();
    private readonly RespRequestScanner _scanner;
    private readonly ArrayBufferWriter<byte> _reply = new();
    private readonly Channel<byte[]> _output = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _drained = new(0, 1);
    private byte[] _frameCopy = new byte[1024];
    private long _scanned;
    private long _pendingBytes;
    private bool _closing;
    private volatile bool _writerStopped;

    public SentinelSession(ConnectionContext connection, SessionContext context)
    {
        _connection = connection;
        _context = context;
        _scanner = new RespRequestScanner(_request);
        Id = context.NextClientId();
    }

    public long Id { get; }

    /// <summary>RESP version of the connection: 2 until HELLO 3.</summary>
    public int Protocol { get; private set; } = 2;

    public string? Name { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _context.Subscribers.Remove(this);
            _output.Writer.TryComplete();
        }
        await writing.ConfigureAwait(false);
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var input = _connection.Transport.Input;
        try
        {
            while (!_closing)
            {
                while (Volatile.Read(ref _pendingBytes) > MaxPendingReplyBytes && !_writerStopped)
                {
                    await _drained.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                ProcessBuffer(ref buffer);
                QueueReply();
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException or ObjectDisposedException)
        {
        }
    }

    private void ProcessBuffer(ref ReadOnlySequence<byte> buffer)
    {
        while (!_closing && buffer.Length > _scanned)
        {
            try
            {
                if (!TryScan(buffer, out var frameEnd))
                {
                    _scanned = buffer.Length;
                    if (_scanner.PendingBytes > MaxRequestBytes)
                    {
                        RespProtocolException.Throw("Protocol error: too big request");
                    }
                    return;
                }
                _scanned = 0;
                var frame = buffer.Slice(0, frameEnd);
                buffer = buffer.Slice(frameEnd);
                if (frame.Length > MaxRequestBytes)
                {
                    RespProtocolException.Throw("Protocol error: too big request");
                }
                if (Prepare(frame))
                {
                    Execute();
                }
            }
            catch (RespProtocolException ex)
            {
                Log.ProtocolError(_context.Logger, Id, _connection.RemoteEndPoint, ex.Message);
                RespWriter.WriteError(_reply, "ERR " + ex.Message);
                _closing = true;
                buffer = buffer.Slice(buffer.End);
            }
        }
    }

    private bool TryScan(in ReadOnlySequence<byte> buffer, out long frameEnd)
    {
        var offset = _scanned;
        foreach (var segment in buffer.Slice(_scanned))
        {
            var status = _scanner.Scan(segment.Span, out var used);
            offset += used;
            if (status == OperationStatus.Done)
            {
                frameEnd = offset;
                return true;
            }
        }
        frameEnd = -1;
        return false;
    }

    // Loads the frame into _request; false for an empty one (a blank line, *0).
    private bool Prepare(in ReadOnlySequence<byte> frame)
    {
        if (_scanner.IsEmpty)
        {
            return false;
        }
        ReadOnlyMemory<byte> bytes;
        if (frame.IsSingleSegment)
        {
            bytes = frame.First;
        }
        else
        {
            if (_frameCopy.Length < frame.Length)
            {
                _frameCopy = new byte[Math.Max((int)frame.Length, _frameCopy.Length * 2)];
            }
            frame.CopyTo(_frameCopy);
            bytes = _frameCopy.AsMemory(0, (int)frame.Length);
        }
        if (_scanner.IsInline)
        {
            _scanner.CompleteInline(bytes.Span);
            return !_scanner.IsEmpty;
        }
        _request.Attach(bytes);
        return true;
    }

    /// <summary>Moves what the commands run so far wrote into the output queue.</summary>
    private void QueueReply()
    {
        if (_reply.WrittenCount == 0)
        {
            return;
        }
        Enqueue(_reply.WrittenSpan.ToArray());
        _reply.ResetWrittenCount();
    }

    private void Enqueue(byte[] bytes)
    {
        Interlocked.Add(ref _pendingBytes, bytes.Length);
        _output.Writer.TryWrite(bytes);
    }

    private async Task WriteLoopAsync()
    {
        var output = _connection.Transport.Output;
        var queue = _output.Reader;
        try
        {
            while (await queue.WaitToReadAsync().ConfigureAwait(false))
            {
                long written = 0;
                while (queue.TryRead(out var bytes))
                {
                    output.Write(bytes);
                    written += bytes.Length;
                }
                var flush = await output.FlushAsync().ConfigureAwait(false);
                Interlocked.Add(ref _pendingBytes, -written);
                SignalDrained();
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    StopWriting();
                    return;
                }
            }
            await output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            StopWriting();
        }
    }

    // The client is gone: nothing queued will be sent, so the read loop must not wait for room.
    private void StopWriting()
    {
        _writerStopped = true;
        _connection.Abort();
        SignalDrained();
    }

    private void SignalDrained()
    {
        try
        {
            _drained.Release();
        }
        catch (SemaphoreFullException)
        {
            // The read loop did not wait since the last release; one pending release is enough.
        }
    }
}
