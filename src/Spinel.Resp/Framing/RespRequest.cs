namespace Spinel.Resp.Framing;

/// <summary>
/// One client command: its raw multibulk frame and where each argument lies in it.
/// Reused by a session for every command it reads, so it is valid only until the next one. Not thread-safe.
/// </summary>
public sealed class RespRequest
{
    private int[] _offsets = new int[16];
    private int[] _lengths = new int[16];
    private byte[]? _owned;

    /// <summary>The request as a RESP multibulk frame (inline commands are rewritten to one).</summary>
    public ReadOnlyMemory<byte> Frame { get; private set; }

    public int ArgCount { get; private set; }

    /// <summary>True when the client sent the command inline (telnet style).</summary>
    public bool WasInline { get; private set; }

    public ReadOnlySpan<byte> this[int index] => Frame.Span.Slice(_offsets[index], _lengths[index]);

    public ReadOnlyMemory<byte> GetArgMemory(int index) => Frame.Slice(_offsets[index], _lengths[index]);

    /// <summary>The argument as a string (UTF-8); for keys and names, not for the hot path.</summary>
    public string GetString(int index) => System.Text.Encoding.UTF8.GetString(this[index]);

    /// <summary>True when argument <paramref name="index"/> equals <paramref name="upperAscii"/>, ignoring ASCII case.</summary>
    public bool ArgEquals(int index, ReadOnlySpan<byte> upperAscii) =>
        index < ArgCount && AsciiUpper.EqualsIgnoreCase(this[index], upperAscii);

    public bool TryGetInt64(int index, out long value) =>
        System.Buffers.Text.Utf8Parser.TryParse(this[index], out value, out var used) && used == _lengths[index];

    /// <summary>Builds a request from arguments (for tests and for commands the proxy splits); copies them.</summary>
    public static RespRequest FromArgs(params ReadOnlySpan<string> args)
    {
        var request = new RespRequest();
        var bytes = new byte[args.Length][];
        for (var i = 0; i < args.Length; i++)
        {
            bytes[i] = System.Text.Encoding.UTF8.GetBytes(args[i]);
        }
        request.LoadFromArgs(bytes);
        return request;
    }

    internal void BeginFrame()
    {
        ArgCount = 0;
        WasInline = false;
    }

    internal void AddArg(int offset, int length)
    {
        if (ArgCount == _offsets.Length)
        {
            Array.Resize(ref _offsets, ArgCount * 2);
            Array.Resize(ref _lengths, ArgCount * 2);
        }
        _offsets[ArgCount] = offset;
        _lengths[ArgCount] = length;
        ArgCount++;
    }

    /// <summary>Points the request at the contiguous bytes of the frame the scanner just completed.</summary>
    public void Attach(ReadOnlyMemory<byte> frame) => Frame = frame;

    internal void LoadFromArgs(IReadOnlyList<byte[]> args)
    {
        var size = RespWriter.MultiBulkLength(args);
        if (_owned is null || _owned.Length < size)
        {
            _owned = new byte[Math.Max(size, 256)];
        }
        var written = RespWriter.WriteMultiBulk(_owned, args, out var offsets);
        ArgCount = 0;
        for (var i = 0; i < args.Count; i++)
        {
            AddArg(offsets[i], args[i].Length);
        }
        Frame = _owned.AsMemory(0, written);
    }

    internal void MarkInline() => WasInline = true;
}
