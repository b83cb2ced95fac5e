using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>
/// A raw TCP client for tests that need exact bytes: sends anything, reads whole reply frames and renders them as
/// text (<c>+OK</c>, <c>:1</c>, <c>$3 foo</c> is shown as <c>foo</c>, arrays as <c>[a, b]</c>, null as <c>(nil)</c>).
/// </summary>
public sealed class RawRespClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _pending = new();

    private RawRespClient(Socket socket) => _socket = socket;

    public static async Task<RawRespClient> ConnectAsync(int port, string host = "127.0.0.1")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port);
        return new RawRespClient(socket);
    }

    public Socket Socket => _socket;

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public Task SendCommandAsync(params string[] args) => SendAsync(RespWriter.EncodeCommand(args));

    /// <summary>Sends one command and renders its reply.</summary>
    public async Task<string> CommandAsync(params string[] args)
    {
        await SendCommandAsync(args);
        return await ReadAsync();
    }

    /// <summary>Reads one reply frame and renders it; throws on timeout or when the server closed the connection.</summary>
    public async Task<string> ReadAsync(TimeSpan? timeout = null) => Render(await ReadFrameAsync(timeout));

    public async Task<byte[]> ReadFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var data = _pending.ToArray();
            if (data.Length > 0 && RespFrameScanner.TryGetFrameLength(new ReadOnlySequence<byte>(data), out var length) == OperationStatus.Done)
            {
                _pending.SetLength(0);
                _pending.Write(data, (int)length, data.Length - (int)length);
                return data[..(int)length];
            }
            var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("The server closed the connection.");
            }
            _pending.Write(_buffer, 0, read);
        }
    }

    /// <summary>True when the server closes the connection within the timeout (after any pending replies).</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token);
                if (read == 0)
                {
                    return true;
                }
            }
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

    public static string Render(byte[] frame) => Render(RespTree.Parse(frame));

    private static string Render(RespTree node) => node.Type switch
    {
        _ when node.IsNull || (node.Type is '~' or '>' or '%' && node.Text == "-1") => "(nil)",
        '!' => "-" + node.Text,
        '*' or '~' or '>' or '%' => (node.Type == '*' ? "" : node.Type.ToString()) + "[" + string.Join(", ", node.Children.Select(Render)) + "]",
        '+' or '-' or ':' => node.Type + node.Text,
        _ => node.Text,
    };

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
