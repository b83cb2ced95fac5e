using System.Net;
using System.Net.Sockets;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Backends;

/// <summary>Checks on a connection of its own whether a shard is up and serving (it answers PING with PONG).</summary>
internal static class ShardProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly byte[] Ping = RespWriter.EncodeCommand("PING");

    public static async Task<bool> AnswersPingAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(Ping, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var reply = new byte[64];
            var length = 0;
            while (length < reply.Length && reply.AsSpan(0, length).IndexOf("\r\n"u8) < 0)
            {
                var read = await socket.ReceiveAsync(reply.AsMemory(length), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return false;
                }
                length += read;
            }
            // A shard still loading its data answers -LOADING: not ready to take the held requests yet.
            return reply.AsSpan(0, length).StartsWith("+PONG\r\n"u8);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }
}
