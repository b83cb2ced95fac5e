using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Backends;

/// <summary>
/// One pipelined connection to a shard, shared by many client sessions (or owned by one for stateful work).
/// Requests are appended to a send buffer together with their reply sink, under one lock, so the order of sinks is
/// the order of bytes on the wire; a single writer loop drains the buffer into one send per flush, and a single
/// reader loop hands each reply frame to the oldest sink. Connects lazily, and again after a failure once the shard's
/// <see cref="IShardHealth"/> says it is reachable.
/// </summary>
internal sealed partial class BackendConnection : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Queue<IReplySink> _sinks = new();
    private readonly Channel<bool> _flushSignal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly CancellationTokenSource _disposed = new();
    private readonly ILogger _logger;
    private readonly IShardHealth _health;
    private readonly byte[]? _handshake;
    private readonly int _handshakeReplies;
    private readonly Task _sendLoop;

    private byte[] _pending = new byte[16 * 1024];
    private int _pendingLength;
    private byte[] _sending = new byte[16 * 1024];
    private Socket? _socket;
    private long _generation;
    private int _holds;
    private int _sendOwner;
    private int _unsent;
    private int _awaiting;
    private int _inFlightOffset;
    private int _inFlightLength;

    /// <param name="handshake">Commands sent first on every new socket (e.g. HELLO 3); their replies are skipped.</param>
    public BackendConnection(EndPoint endPoint, int protocol, IShardHealth health, ILogger logger, byte[]? handshake = null, int handshakeReplies = 0)
    {
        EndPoint = endPoint;
        Protocol = protocol;
        _health = health;
        _logger = logger;
        _handshake = handshake;
        _handshakeReplies = handshakeReplies;
        _sendLoop = Task.Run(SendLoopAsync);
    }

    public EndPoint EndPoint { get; }

    /// <summary>RESP protocol version the connection speaks (2 or 3).</summary>
    public int Protocol { get; }

    /// <summary>Requests sent or queued whose reply has not arrived yet.</summary>
    public int Outstanding
    {
        get
        {
            lock (_gate)
            {
                return _sinks.Count;
            }
        }
    }

    /// <summary>Set while a request that may block (WAIT) is in flight, so schedulers prefer other connections.</summary>
    public bool IsBusy { get; set; }

    public bool IsDisposed => _disposed.IsCancellationRequested;

    /// <summary>
    /// When set, every frame the shard sends goes here instead of to a request's sink (a subscribed connection), and
    /// a lost connection is reported to its <see cref="IReplySink.OnFailure"/>.
    /// </summary>
    public IReplySink? PushHandler { get; set; }

    /// <summary>Queues bytes whose replies go to <see cref="PushHandler"/>.</summary>
    public void SendToPushHandler(ReadOnlySpan<byte> request)
    {
        lock (_gate)
        {
            if (!_disposed.IsCancellationRequested)
            {
                Append(request);
            }
        }
    }

    /// <summary>Queues one request; call <see cref="Flush"/> once after a batch of sends.</summary>
    public void Send(ReadOnlySpan<byte> request, IReplySink sink)
    {
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                sink.OnFailure(BackendErrors.Unavailable);
                return;
            }
            Append(request);
            _sinks.Enqueue(sink);
            _unsent++;
        }
    }

    /// <summary>Queues several requests whose replies all go, in order, to the given sinks, with nothing interleaved.</summary>
    public void SendBatch(IReadOnlyList<ReadOnlyMemory<byte>> requests, IReadOnlyList<IReplySink> sinks)
    {
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                foreach (var sink in sinks)
                {
                    sink.OnFailure(BackendErrors.Unavailable);
                }
                return;
            }
            foreach (var request in requests)
            {
                Append(request.Span);
            }
            foreach (var sink in sinks)
            {
                _sinks.Enqueue(sink);
                _unsent++;
            }
        }
    }

    /// <summary>
    /// Sends what was queued. The first caller to find no send in progress sends inline on its own thread (one
    /// non-blocking syscall for everything queued so far); when the socket is not connected or would block, it
    /// hands the rest to the background send loop.
    /// </summary>
    public void Flush()
    {
        if (Interlocked.CompareExchange(ref _sendOwner, 1, 0) != 0)
        {
            return;
        }
        if (Volatile.Read(ref _awaiting) == 0)
        {
            SendAsOwner(inline: true);
            return;
        }
        // The shard is busy with earlier requests anyway: send a moment later from the thread pool, so requests of
        // other clients that arrive meanwhile go out in the same send (fewer syscalls under load, no delay when idle).
        ThreadPool.UnsafeQueueUserWorkItem(static connection => connection.SendAsOwner(inline: true), this, preferLocal: false);
    }

    /// <summary>Keeps queued requests from being sent until <see cref="Release"/> (to order them after another connection's).</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _holds++;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _holds--;
        }
        Flush();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        _disposed.Cancel();
        _flushSignal.Writer.TryComplete();
        Socket? socket;
        lock (_gate)
        {
            socket = _socket;
            _socket = null;
        }
        socket?.Dispose();
        FailAll(BackendErrors.ConnectionLost);
        try
        {
            await _sendLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_pendingLength + bytes.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + bytes.Length));
        }
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    // The caller owns the right to send. Returns with it released, or handed to the send loop.
    private void SendAsOwner(bool inline)
    {
        while (true)
        {
            Socket? socket;
            long generation;
            lock (_gate)
            {
                if (_inFlightLength == 0)
                {
                    if (_pendingLength == 0 || _holds > 0 || _disposed.IsCancellationRequested)
                    {
                        // Released under the lock: a request queued after this sees the right free and sends itself.
                        Volatile.Write(ref _sendOwner, 0);
                        return;
                    }
                    if (_socket is not null)
                    {
                        (_pending, _sending) = (_sending, _pending);
                        _inFlightOffset = 0;
                        _inFlightLength = _pendingLength;
                        _pendingLength = 0;
                        _awaiting += _unsent;
                        _unsent = 0;
                    }
                }
                socket = _socket;
                generation = _generation;
            }
            if (socket is null || !inline)
            {
                _flushSignal.Writer.TryWrite(true);
                return;
            }
            var sent = socket.Send(_sending, _inFlightOffset, _inFlightLength, SocketFlags.None, out var error);
            if (error is not (SocketError.Success or SocketError.WouldBlock))
            {
                OnBroken(generation, error.ToString());
                continue;
            }
            lock (_gate)
            {
                if (generation != _generation)
                {
                    // The connection broke meanwhile and its requests were failed; nothing is in flight any more.
                    _inFlightLength = 0;
                    continue;
                }
                _inFlightOffset += Math.Max(sent, 0);
                _inFlightLength -= Math.Max(sent, 0);
            }
            if (_inFlightLength > 0)
            {
                _flushSignal.Writer.TryWrite(true);
                return;
            }
        }
    }

    // Runs when an inline sender handed over: connects if needed and finishes sends that would have blocked.
    private async Task SendLoopAsync()
    {
        var token = _disposed.Token;
        try
        {
            while (await _flushSignal.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                _flushSignal.Reader.TryRead(out _);
                Socket? socket;
                long generation;
                lock (_gate)
                {
                    socket = _socket;
                    generation = _generation;
                }
                if (socket is null)
                {
                    if (!await ConnectAsync(token).ConfigureAwait(false))
                    {
                        SendAsOwner(inline: false);
                        continue;
                    }
                }
                else if (_inFlightLength > 0)
                {
                    try
                    {
                        await socket.SendAsync(_sending.AsMemory(_inFlightOffset, _inFlightLength), SocketFlags.None, token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                    {
                        OnBroken(generation, ex.Message);
                    }
                    _inFlightLength = 0;
                }
                SendAsOwner(inline: true);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> ConnectAsync(CancellationToken token)
    {
        if (_health.IsDown)
        {
            // The pool probes the shard while it is down; requests that slipped in before the hold fail at once.
            FailAll(BackendErrors.Unavailable);
            return false;
        }
        var socket = new Socket(EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(EndPoint, timeout.Token).ConfigureAwait(false);
            socket.Blocking = false;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            token.ThrowIfCancellationRequested();
            _health.ReportUnreachable();
            Log.ConnectFailed(_logger, EndPoint, ex.Message);
            FailAll(BackendErrors.Unavailable);
            return false;
        }
        long generation;
        lock (_gate)
        {
            _socket = socket;
            generation = ++_generation;
            if (_handshake is not null)
            {
                // The handshake goes before whatever is already queued, and its replies are skipped by the reader.
                var queued = _pending.AsSpan(0, _pendingLength).ToArray();
                _pendingLength = 0;
                Append(_handshake);
                Append(queued);
            }
        }
        _health.ReportConnected();
        Log.Connected(_logger, EndPoint, Protocol);
        _ = Task.Run(() => ReadLoopAsync(socket, generation), CancellationToken.None);
        return true;
    }

    private void OnBroken(long generation, string reason)
    {
        Socket? socket;
        lock (_gate)
        {
            if (generation != _generation || _socket is null)
            {
                return;
            }
            socket = _socket;
            _socket = null;
        }
        socket.Dispose();
        if (!_disposed.IsCancellationRequested)
        {
            // Before the requests in flight fail: a client that sees their error and retries must find the shard held.
            _health.ReportUnreachable();
            Log.ConnectionLost(_logger, EndPoint, reason);
        }
        FailAll(BackendErrors.ConnectionLost);
        PushHandler?.OnFailure(BackendErrors.ConnectionLost);
    }

    private void FailAll(string error)
    {
        IReplySink[] failed;
        lock (_gate)
        {
            failed = [.. _sinks];
            _sinks.Clear();
            _pendingLength = 0;
            _inFlightLength = 0;
            _awaiting = 0;
            _unsent = 0;
        }
        foreach (var sink in failed)
        {
            sink.OnFailure(error);
        }
    }
}
