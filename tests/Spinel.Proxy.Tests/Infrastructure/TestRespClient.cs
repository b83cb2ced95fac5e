using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Spinel.Proxy.Replies;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Tests.Infrastructure;

/// <summary>
/// A raw RESP client: sends commands (several in one write to pipeline them) and reads reply frames rendered as text:
/// <c>+OK</c>, <c>:1</c>, <c>-ERR ...</c>, a bulk string as its text, null as <c>(nil)</c>, arrays as <c>[a, b]</c>.
/// </summary>
internal sealed class TestRespClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly List<byte> _pending = [];
    private Task<int>? _receive;

    private TestRespClient(Socket socket) => _socket = socket;

    public static async Task<TestRespClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync("127.0.0.1", port);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new TestRespClient(socket);
    }

    public async Task SendAsync(params string[][] commands)
    {
        var bytes = commands.SelectMany(c => RespWriter.EncodeCommand(c)).ToArray();
        await _socket.SendAsync(bytes, SocketFlags.None);
    }

    public async Task<string> CallAsync(params string[] command)
    {
        await SendAsync(command);
        return await ReadAsync();
    }

    /// <summary>Reads the next reply; throws <see cref="TimeoutException"/> when none comes in time.</summary>
    public async Task<string> ReadAsync(TimeSpan? timeout = null) =>
        await TryReadAsync(timeout ?? DefaultTimeout) ?? throw new TimeoutException("No reply came in time.");

    public async Task<List<string>> ReadAsync(int count)
    {
        var replies = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            replies.Add(await ReadAsync());
        }
        return replies;
    }

    /// <summary>True when a reply arrives within <paramref name="wait"/>; a reply that does is kept for the next read.</summary>
    public async Task<bool> ReplyArrivesWithinAsync(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (!HasFrame())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await FillAsync(left))
            {
                return false;
            }
        }
        return true;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string?> TryReadAsync(TimeSpan timeout)
    {
        if (!await ReplyArrivesWithinAsync(timeout))
        {
            return null;
        }
        var data = _pending.ToArray();
        RespFrameScanner.TryGetFrameLength(new ReadOnlySequence<byte>(data), out var length);
        _pending.RemoveRange(0, (int)length);
        return Render(RespNode.Parse(data.AsMemory(0, (int)length)));
    }

    private bool HasFrame() =>
        _pending.Count > 0 && RespFrameScanner.TryGetFrameLength(new ReadOnlySequence<byte>(_pending.ToArray()), out _) == OperationStatus.Done;

    // A receive that outlives a timeout is kept for the next call rather than cancelled, so no bytes are lost.
    private async Task<bool> FillAsync(TimeSpan timeout)
    {
        _receive ??= _socket.ReceiveAsync(new ArraySegment<byte>(_buffer), SocketFlags.None);
        if (await Task.WhenAny(_receive, Task.Delay(timeout)) != _receive)
        {
            return false;
        }
        var read = await _receive;
        _receive = null;
        if (read == 0)
        {
            throw new EndOfStreamException("The proxy closed the connection.");
        }
        _pending.AddRange(_buffer.AsSpan(0, read));
        return true;
    }

    private static string Render(RespNode node) => node.Type switch
    {
        _ when node.IsNull => "(nil)",
        (byte)'+' or (byte)'-' => (char)node.Type + node.Text,
        (byte)':' => ":" + node.Integer,
        (byte)'*' => "[" + string.Join(", ", node.Children.Select(Render)) + "]",
        _ => Encoding.UTF8.GetString(node.Payload.Span),
    };
}
