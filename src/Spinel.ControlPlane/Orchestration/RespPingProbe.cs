using System.Net;
using System.Net.Sockets;
using System.Text;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>Probes with a real TCP connection and a RESP PING.</summary>
public sealed class RespPingProbe : IReadinessProbe
{
    private static readonly byte[] Ping = "*1\r\n$4\r\nPING\r\n"u8.ToArray();
    private static readonly byte[] InfoReplication = "*2\r\n$4\r\nINFO\r\n$11\r\nreplication\r\n"u8.ToArray();
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    public async Task<bool> IsShardServingAsync(string host, int port, CancellationToken cancellationToken) =>
        await PingAsync(host, port, cancellationToken).ConfigureAwait(false) is { } line && line.StartsWith("+PONG", StringComparison.Ordinal);

    public async Task<bool> IsEndpointServingAsync(string host, int port, CancellationToken cancellationToken) =>
        await PingAsync(host, port, cancellationToken).ConfigureAwait(false) is { } line &&
        (line.StartsWith("+PONG", StringComparison.Ordinal) || line.StartsWith("-NOAUTH", StringComparison.Ordinal));

    public async Task<bool> IsPortOpenAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var socket = await ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        return socket is not null;
    }

    public async Task<ReplicationInfo?> GetReplicationAsync(string host, int port, CancellationToken cancellationToken) =>
        ReplicationInfo.TryParse(await ExchangeAsync(host, port, InfoReplication, 8192, TryReadBulk, cancellationToken).ConfigureAwait(false), out var info)
            ? info
            : null;

    // True once the reply is complete: its text for a bulk string, null for anything else (an error).
    private static bool TryReadBulk(ReadOnlySpan<byte> reply, out string? text)
    {
        text = null;
        var headerEnd = reply.IndexOf((byte)'\n');
        if (headerEnd < 0)
        {
            return false;
        }
        if (reply[0] != (byte)'$' || !int.TryParse(reply[1..(headerEnd - 1)], out var length) || length < 0)
        {
            return true;
        }
        if (reply.Length < headerEnd + 1 + length)
        {
            return false;
        }
        text = Encoding.ASCII.GetString(reply.Slice(headerEnd + 1, length));
        return true;
    }

    private static Task<string?> PingAsync(string host, int port, CancellationToken cancellationToken) =>
        ExchangeAsync(host, port, Ping, 256, TryReadLine, cancellationToken);

    // True once the reply's first line is complete, with that line.
    private static bool TryReadLine(ReadOnlySpan<byte> reply, out string? line)
    {
        var end = reply.IndexOf((byte)'\n');
        line = end < 0 ? null : Encoding.ASCII.GetString(reply[..end]).TrimEnd('\r');
        return end >= 0;
    }

    private delegate bool ReplyReader(ReadOnlySpan<byte> received, out string? result);

    // Sends one command on a fresh connection and reads until the reader has its answer; null on any failure.
    private static async Task<string?> ExchangeAsync(string host, int port, byte[] request, int capacity, ReplyReader reader, CancellationToken cancellationToken)
    {
        using var socket = await ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await socket.SendAsync(request, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var buffer = new byte[capacity];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }
                filled += read;
                if (reader(buffer.AsSpan(0, filled), out var result))
                {
                    return result;
                }
            }
            return null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<Socket?> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var address = IPAddress.TryParse(host, out var ip) ? ip : (await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, timeout.Token).ConfigureAwait(false))[0];
            if (address.AddressFamily != AddressFamily.InterNetwork)
            {
                socket.Dispose();
                socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            }
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is SocketException or IndexOutOfRangeException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            return null;
        }
    }
}
