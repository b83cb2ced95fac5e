using System.Buffers;
using Spinel.Resp.Framing;

namespace Spinel.Discovery.PubSub;

/// <summary>The pub/sub frames a subscriber receives: arrays in RESP2, push frames (<c>&gt;</c>) in RESP3.</summary>
internal static class PubSubFrames
{
    public static void WriteHeader(IBufferWriter<byte> writer, int count, int protocol) =>
        RespWriter.WriteHeader(writer, protocol >= 3 ? (byte)'>' : (byte)'*', count);

    /// <summary>A (un)subscribe confirmation; a null channel is written as nil (UNSUBSCRIBE with nothing subscribed).</summary>
    public static void WriteConfirmation(IBufferWriter<byte> writer, string kind, string? channel, int count, int protocol)
    {
        WriteHeader(writer, 3, protocol);
        RespWriter.WriteBulkString(writer, kind);
        if (channel is null)
        {
            RespWriter.WriteNull(writer, protocol);
        }
        else
        {
            RespWriter.WriteBulkString(writer, channel);
        }
        RespWriter.WriteInteger(writer, count);
    }

    public static byte[] Message(string channel, string payload, int protocol)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteHeader(buffer, 3, protocol);
        RespWriter.WriteBulkString(buffer, "message");
        RespWriter.WriteBulkString(buffer, channel);
        RespWriter.WriteBulkString(buffer, payload);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] PatternMessage(string pattern, string channel, string payload, int protocol)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteHeader(buffer, 4, protocol);
        RespWriter.WriteBulkString(buffer, "pmessage");
        RespWriter.WriteBulkString(buffer, pattern);
        RespWriter.WriteBulkString(buffer, channel);
        RespWriter.WriteBulkString(buffer, payload);
        return buffer.WrittenSpan.ToArray();
    }
}
