using System.Buffers;
using System.Net.Sockets;
using Spinel.Resp.Framing;

namespace Spinel.NodeAgent.Processes;

/// <summary>A minimal request/reply RESP2 connection to one shard, for PING, INFO, CONFIG and SHUTDOWN. Not thread-safe.</summary>
internal sealed class RespClient : IAsyncDisposable
{
    // The agent only reads short replies; a bigger one means something else answers on the port.
    private const int MaxReplyBytes = 1 << 20;

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    private RespClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RespClient> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return new RespClient(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Connects, runs one command and disconnects.</summary>
    public static async Task<RespReply> ExecuteOnceAsync(string host, int port, string[] command, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            return await client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<RespReply> ExecuteAsync(string[] command, CancellationToken cancellationToken)
    {
        await SendAsync(command, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(string[] command, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(RespWriter.EncodeCommand(command), cancellationToken).ConfigureAwait(false);

    public async Task<RespReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var scanner = default(RespFrameScanner);
        var scanned = _start;
        while (true)
        {
            if (scanned < _end)
            {
                var status = scanner.Scan(_buffer.AsSpan(scanned, _end - scanned), out var used);
                scanned += used;
                if (status == OperationStatus.Done)
                {
                    var reply = RespReply.Parse(_buffer.AsSpan(_start, scanned - _start));
                    _start = scanned;
                    return reply;
                }
                if (status == OperationStatus.InvalidData)
                {
                    throw new RespProtocolException("the server's reply is not RESP");
                }
            }
            MakeRoom(ref scanned);
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the server closed the connection");
            }
            _end += read;
        }
    }

    private void MakeRoom(ref int scanned)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            scanned -= _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxReplyBytes)
            {
                throw new RespProtocolException("reply too large");
            }
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
