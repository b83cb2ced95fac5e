using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Spinel.Resp.Framing;

/// <summary>Writes RESP values into an <see cref="IBufferWriter{T}"/>; every method writes one complete value or header.</summary>
public static class RespWriter
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    public static void WriteRaw(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes) => writer.Write(bytes);

    public static void WriteSimpleString(IBufferWriter<byte> writer, string value) => WriteLine(writer, (byte)'+', value);

    /// <summary>Writes <c>-message</c>; the message carries its own prefix (<c>ERR</c>, <c>CROSSSLOT</c> ...).</summary>
    public static void WriteError(IBufferWriter<byte> writer, string message) => WriteLine(writer, (byte)'-', message);

    public static void WriteInteger(IBufferWriter<byte> writer, long value) => WriteHeader(writer, (byte)':', value);

    public static void WriteArrayHeader(IBufferWriter<byte> writer, long count) => WriteHeader(writer, (byte)'*', count);

    /// <summary>Writes a map header: <c>%n</c> for RESP3, an array of 2n elements for RESP2.</summary>
    public static void WriteMapHeader(IBufferWriter<byte> writer, long pairs, int protocol) =>
        WriteHeader(writer, protocol >= 3 ? (byte)'%' : (byte)'*', protocol >= 3 ? pairs : pairs * 2);

    /// <summary>Writes the null value: <c>_</c> for RESP3, <c>$-1</c> for RESP2.</summary>
    public static void WriteNull(IBufferWriter<byte> writer, int protocol) =>
        writer.Write(protocol >= 3 ? "_\r\n"u8 : "$-1\r\n"u8);

    public static void WriteBulkString(IBufferWriter<byte> writer, ReadOnlySpan<byte> value)
    {
        WriteHeader(writer, (byte)'$', value.Length);
        writer.Write(value);
        writer.Write(Crlf);
    }

    public static void WriteBulkString(IBufferWriter<byte> writer, string value) =>
        WriteBulkString(writer, Encoding.UTF8.GetBytes(value));

    /// <summary>Writes a verbatim string (<c>=</c>, RESP3) or a bulk string (RESP2), as redis does for INFO.</summary>
    public static void WriteVerbatim(IBufferWriter<byte> writer, string value, int protocol)
    {
        if (protocol < 3)
        {
            WriteBulkString(writer, value);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes("txt:" + value);
        WriteHeader(writer, (byte)'=', bytes.Length);
        writer.Write(bytes);
        writer.Write(Crlf);
    }

    public static void WriteHeader(IBufferWriter<byte> writer, byte type, long value)
    {
        var span = writer.GetSpan(24);
        span[0] = type;
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        writer.Advance(written + 3);
    }

    public static void WriteCommand(IBufferWriter<byte> writer, params ReadOnlySpan<string> args)
    {
        WriteArrayHeader(writer, args.Length);
        foreach (var arg in args)
        {
            WriteBulkString(writer, arg);
        }
    }

    /// <summary>Encodes a command (array of bulk strings) to a new array.</summary>
    public static byte[] EncodeCommand(params ReadOnlySpan<string> args)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteCommand(buffer, args);
        return buffer.WrittenSpan.ToArray();
    }

    internal static int MultiBulkLength(IReadOnlyList<byte[]> args)
    {
        var size = 1 + 10 + 2;
        foreach (var a in args)
        {
            size += 1 + 10 + 2 + a.Length + 2;
        }
        return size;
    }

    internal static int WriteMultiBulk(Span<byte> destination, IReadOnlyList<byte[]> args, out int[] offsets)
    {
        offsets = new int[args.Count];
        var pos = WriteHeaderTo(destination, (byte)'*', args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            pos += WriteHeaderTo(destination[pos..], (byte)'$', args[i].Length);
            offsets[i] = pos;
            args[i].CopyTo(destination[pos..]);
            pos += args[i].Length;
            destination[pos++] = (byte)'\r';
            destination[pos++] = (byte)'\n';
        }
        return pos;
    }

    private static int WriteHeaderTo(Span<byte> span, byte type, long value)
    {
        span[0] = type;
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        return written + 3;
    }

    private static void WriteLine(IBufferWriter<byte> writer, byte type, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length) + 3;
        var span = writer.GetSpan(max);
        span[0] = type;
        var n = Encoding.UTF8.GetBytes(value, span[1..]);
        span[1 + n] = (byte)'\r';
        span[2 + n] = (byte)'\n';
        writer.Advance(n + 3);
    }
}
