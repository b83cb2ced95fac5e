using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Discovery.Tests.Infrastructure;

/// <summary>A raw RESP client: sends commands or any bytes, reads one reply frame at a time as its exact wire text.</summary>
internal sealed class TestClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly MemoryStream _pending = new();

    private TestClient(Socket socket) => _socket = socket;

    public static async Task<TestClient> ConnectAsync(EndPoint endPoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint);
        return new TestClient(socket);
    }

    public async Task SendAsync(string raw) => await _socket.SendAsync(Encoding.UTF8.GetBytes(raw), SocketFlags.None);

    public async Task SendCommandAsync(params string[] args) => await _socket.SendAsync(RespWriter.EncodeCommand(args), SocketFlags.None);

    public async Task<string> CommandAsync(params string[] args)
    {
        await SendCommandAsync(args);
        return await ReadAsync();
    }

    /// <summary>One reply frame, exactly as sent; throws when none comes within the timeout or the server closed.</summary>
    public async Task<string> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var data = _pending.ToArray();
            if (data.Length > 0 && RespFrameScanner.TryGetFrameLength(new ReadOnlySequence<byte>(data), out var length) == OperationStatus.Done)
            {
                _pending.SetLength(0);
                _pending.Write(data, (int)length, data.Length - (int)length);
                return Encoding.UTF8.GetString(data, 0, (int)length);
            }
            var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("The server closed the connection.");
            }
            _pending.Write(_buffer, 0, read);
        }
    }

    /// <summary>True when nothing arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> IsQuietAsync(TimeSpan wait)
    {
        try
        {
            await ReadAsync(wait);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>True when the server closes the connection within the timeout (after whatever it still sends).</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token) > 0)
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
