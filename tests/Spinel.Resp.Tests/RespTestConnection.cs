using System.Net.Sockets;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests;

/// <summary>A blocking RESP client for tests: sends a command and returns the raw reply bytes or a parsed value.</summary>
public sealed class RespTestConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly BufferedStream _stream;

    public RespTestConnection(int port)
    {
        _client = new TcpClient();
        _client.Connect("127.0.0.1", port);
        _client.ReceiveTimeout = 10_000;
        _stream = new BufferedStream(_client.GetStream());
    }

    /// <summary>Sends a command and returns its whole reply exactly as the server wrote it.</summary>
    public byte[] CallRaw(params string[] args)
    {
        _stream.Write(RespWriter.EncodeCommand(args));
        _stream.Flush();
        var reply = new MemoryStream();
        ReadValue(reply);
        return reply.ToArray();
    }

    /// <summary>Sends a command and parses its reply (see <see cref="RespTestValue"/>).</summary>
    public object? Call(params string[] args) => RespTestValue.Parse(CallRaw(args));

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }

    private void ReadValue(MemoryStream into)
    {
        var line = ReadLine(into);
        var type = (char)line[0];
        var number = type is '$' or '*' or '~' or '%' or '=' or '!' or '>' or '|'
            ? long.Parse(Encoding.ASCII.GetString(line, 1, line.Length - 1), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        switch (type)
        {
            case '$' or '=' or '!' when number >= 0:
                var body = new byte[number + 2];
                _stream.ReadExactly(body);
                into.Write(body);
                break;
            case '*' or '~' or '>' when number > 0:
                for (var i = 0; i < number; i++)
                {
                    ReadValue(into);
                }
                break;
            case '%' or '|' when number > 0:
                for (var i = 0; i < number * 2; i++)
                {
                    ReadValue(into);
                }
                if (type == '|')
                {
                    ReadValue(into);
                }
                break;
        }
    }

    private byte[] ReadLine(MemoryStream into)
    {
        var line = new List<byte>();
        while (true)
        {
            var b = _stream.ReadByte();
            if (b < 0)
            {
                throw new IOException("connection closed mid-reply");
            }
            into.WriteByte((byte)b);
            if (b == '\n' && line.Count > 0 && line[^1] == '\r')
            {
                line.RemoveAt(line.Count - 1);
                return line.ToArray();
            }
            line.Add((byte)b);
        }
    }
}
