using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Acl;

/// <summary>
/// A RESP2 test client that can queue many commands before reading their replies one by one, so a differential run
/// costs one round trip per batch. Replies: string, long, null, <see cref="RespTestError"/> or List&lt;object?&gt;.
/// </summary>
internal sealed class PipelinedRespClient : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _network;
    private readonly BufferedStream _reader;
    private readonly MemoryStream _pending = new();

    public PipelinedRespClient(int port)
    {
        _client = new TcpClient();
        _client.Connect("127.0.0.1", port);
        _client.ReceiveTimeout = 10_000;
        _network = _client.GetStream();
        _reader = new BufferedStream(_network);
    }

    public void Queue(params string[] args) => _pending.Write(RespWriter.EncodeCommand(args));

    public void Flush()
    {
        _network.Write(_pending.GetBuffer(), 0, (int)_pending.Length);
        _pending.SetLength(0);
    }

    public object? Call(params string[] args)
    {
        Queue(args);
        Flush();
        return Read();
    }

    public object? Read()
    {
        var line = ReadLine();
        var text = line[1..];
        switch (line[0])
        {
            case '+':
                return text;
            case '-':
                return new RespTestError(text);
            case ':':
                return long.Parse(text, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(text, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }
                var body = new byte[length + 2];
                _reader.ReadExactly(body);
                return Encoding.UTF8.GetString(body, 0, length);
            case '*':
                var count = int.Parse(text, CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return null;
                }
                var items = new List<object?>(count);
                for (var i = 0; i < count; i++)
                {
                    items.Add(Read());
                }
                return items;
            default:
                throw new FormatException("unexpected reply line " + line);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _client.Dispose();
    }

    private string ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = _reader.ReadByte();
            if (b < 0)
            {
                throw new IOException("connection closed mid-reply");
            }
            if (b == '\n' && line.Length > 0 && line[^1] == '\r')
            {
                return line.ToString(0, line.Length - 1);
            }
            line.Append((char)b);
        }
    }
}
