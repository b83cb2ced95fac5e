using System.Globalization;
using System.Text;

namespace Spinel.CommandTableGen;

/// <summary>Reads RESP2 replies as plain objects: string, long, null or List&lt;object?&gt;; errors throw.</summary>
internal sealed class RespReader(Stream stream)
{
    private readonly BufferedStream _stream = new(stream, 1 << 16);

    public object? Read()
    {
        var line = ReadLine();
        var payload = line[1..];
        switch (line[0])
        {
            case '+':
                return payload;
            case '-':
                throw new InvalidOperationException("redis replied with an error: " + payload);
            case ':':
                return long.Parse(payload, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(payload, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }
                var bytes = new byte[length + 2];
                _stream.ReadExactly(bytes);
                return Encoding.UTF8.GetString(bytes, 0, length);
            case '*':
                var count = int.Parse(payload, CultureInfo.InvariantCulture);
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
                throw new InvalidDataException("unexpected RESP type in line: " + line);
        }
    }

    private string ReadLine()
    {
        var builder = new StringBuilder();
        while (true)
        {
            var b = _stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException("connection closed mid-reply");
            }
            if (b == '\r')
            {
                _stream.ReadByte();
                return builder.ToString();
            }
            builder.Append((char)b);
        }
    }
}
