using System.Buffers;

namespace Spinel.Resp.Framing;

/// <summary>
/// Reads client commands (multibulk or inline) the way redis-server does, one span at a time, recording argument
/// positions into a <see cref="RespRequest"/>. Protocol violations throw <see cref="RespProtocolException"/> with
/// redis-server's wording. Not thread-safe; one per client session.
/// </summary>
public sealed class RespRequestScanner
{
    private enum Phase : byte { Start, Count, CountLf, ArgType, ArgLength, ArgLengthLf, ArgBody, Inline }

    private readonly RespRequest _request;
    private Phase _phase;
    private int _frameOffset;
    private long _number;
    private bool _negative;
    private bool _hasDigits;
    private int _argsLeft;
    private long _bodyLeft;
    private int _argStart;
    private int _argLength;
    private int _lineLength;
    private InlineQuoteTracker _quotes;

    public RespRequestScanner(RespRequest request) => _request = request;

    /// <summary>Length of the frame completed by the last <see cref="OperationStatus.Done"/>.</summary>
    public int FrameLength { get; private set; }

    /// <summary>True when the completed frame held no command (an empty line, <c>*0</c>); skip it.</summary>
    public bool IsEmpty { get; private set; }

    /// <summary>True when the completed frame is an inline command; call <see cref="CompleteInline"/> with its bytes.</summary>
    public bool IsInline { get; private set; }

    /// <summary>Bytes of the current frame seen so far (to decide when a partial request is too large).</summary>
    public int PendingBytes => _frameOffset;

    /// <summary>
    /// Continues scanning with <paramref name="data"/>. Done: a frame ended after <paramref name="consumed"/> bytes of
    /// this span; NeedMoreData: all of it was used.
    /// </summary>
    public OperationStatus Scan(ReadOnlySpan<byte> data, out int consumed)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            switch (_phase)
            {
                case Phase.Start:
                    _request.BeginFrame();
                    _frameOffset = 0;
                    IsEmpty = false;
                    IsInline = false;
                    if (data[pos] == '*')
                    {
                        pos++;
                        _frameOffset = 1;
                        StartNumber(Phase.Count);
                    }
                    else
                    {
                        _lineLength = 0;
                        _quotes.Reset();
                        _phase = Phase.Inline;
                    }
                    break;

                case Phase.Inline:
                    {
                        var lf = data[pos..].IndexOf((byte)'\n');
                        var take = lf < 0 ? data.Length - pos : lf + 1;
                        _quotes.Feed(data.Slice(pos, take));
                        _lineLength += take;
                        _frameOffset += take;
                        pos += take;
                        if (lf < 0 && _lineLength > RespLimits.MaxInlineLength)
                        {
                            RespProtocolException.Throw("Protocol error: too big inline request");
                        }
                        if (lf >= 0)
                        {
                            // Rejected here rather than in CompleteInline: the caller handles protocol errors around Scan.
                            if (_quotes.IsUnbalanced)
                            {
                                RespProtocolException.Throw("Protocol error: unbalanced quotes in request");
                            }
                            IsInline = true;
                            consumed = pos;
                            return Finish();
                        }
                        break;
                    }

                case Phase.Count or Phase.ArgLength:
                    pos = ReadNumber(data, pos);
                    break;

                case Phase.CountLf:
                    {
                        ExpectLf(data[pos++], "Protocol error: invalid multibulk length");
                        var count = _negative ? -_number : _number;
                        if (count > RespLimits.MaxMultiBulkLength)
                        {
                            RespProtocolException.Throw("Protocol error: invalid multibulk length");
                        }
                        if (count <= 0)
                        {
                            IsEmpty = true;
                            consumed = pos;
                            return Finish();
                        }
                        _argsLeft = (int)count;
                        _phase = Phase.ArgType;
                        break;
                    }

                case Phase.ArgType:
                    {
                        var b = data[pos++];
                        _frameOffset++;
                        if (b != '$')
                        {
                            RespProtocolException.Throw($"Protocol error: expected '$', got '{(char)b}'");
                        }
                        StartNumber(Phase.ArgLength);
                        break;
                    }

                case Phase.ArgLengthLf:
                    {
                        ExpectLf(data[pos++], "Protocol error: invalid bulk length");
                        if (_negative || _number > RespLimits.MaxBulkLength)
                        {
                            RespProtocolException.Throw("Protocol error: invalid bulk length");
                        }
                        _argStart = _frameOffset;
                        _argLength = (int)_number;
                        _bodyLeft = _number + 2;
                        _phase = Phase.ArgBody;
                        break;
                    }

                case Phase.ArgBody:
                    {
                        var take = (int)Math.Min(_bodyLeft, data.Length - pos);
                        pos += take;
                        _frameOffset += take;
                        _bodyLeft -= take;
                        if (_bodyLeft == 0)
                        {
                            _request.AddArg(_argStart, _argLength);
                            if (--_argsLeft == 0)
                            {
                                consumed = pos;
                                return Finish();
                            }
                            _phase = Phase.ArgType;
                        }
                        break;
                    }
            }
        }
        consumed = pos;
        return OperationStatus.NeedMoreData;
    }

    /// <summary>Parses the inline line (the whole frame, given contiguous) into arguments and rewrites it as multibulk.</summary>
    public void CompleteInline(ReadOnlySpan<byte> frame)
    {
        var args = InlineSplitter.Split(frame);
        if (args is null)
        {
            RespProtocolException.Throw("Protocol error: unbalanced quotes in request");
        }
        if (args.Count == 0)
        {
            IsEmpty = true;
            return;
        }
        _request.LoadFromArgs(args);
        _request.MarkInline();
    }

    private OperationStatus Finish()
    {
        FrameLength = _frameOffset;
        _phase = Phase.Start;
        return OperationStatus.Done;
    }

    private void StartNumber(Phase phase)
    {
        _phase = phase;
        _number = 0;
        _negative = false;
        _hasDigits = false;
    }

    private int ReadNumber(ReadOnlySpan<byte> data, int pos)
    {
        var isCount = _phase == Phase.Count;
        while (pos < data.Length)
        {
            var b = data[pos++];
            _frameOffset++;
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                _number = (_number * 10) + (b - '0');
                _hasDigits = true;
                if (_number > RespLimits.MaxBulkLength * 4)
                {
                    InvalidNumber(isCount);
                }
            }
            else if (b == '-' && !_hasDigits && !_negative)
            {
                _negative = true;
            }
            else if (b == '\r' && _hasDigits)
            {
                _phase = isCount ? Phase.CountLf : Phase.ArgLengthLf;
                return pos;
            }
            else
            {
                InvalidNumber(isCount);
            }
        }
        return pos;
    }

    private void ExpectLf(byte b, string error)
    {
        _frameOffset++;
        if (b != '\n')
        {
            RespProtocolException.Throw(error);
        }
    }

    private static void InvalidNumber(bool isCount) =>
        RespProtocolException.Throw(isCount ? "Protocol error: invalid multibulk length" : "Protocol error: invalid bulk length");
}
