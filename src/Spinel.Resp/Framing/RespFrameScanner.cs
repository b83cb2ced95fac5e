using System.Buffers;

namespace Spinel.Resp.Framing;

/// <summary>
/// Finds where one RESP2/RESP3 reply frame ends, fed one span at a time (resumable across pipe segments).
/// It checks only framing, never content, so forwarded bytes need no re-serialisation. Not thread-safe.
/// </summary>
public struct RespFrameScanner
{
    private enum Phase : byte { TypeByte, Header, HeaderLf, Line, Body }

    private int[]? _remaining;
    private int _depth;
    private Phase _phase;
    private byte _type;
    private long _number;
    private bool _negative;
    private bool _hasDigits;
    private long _bodyLeft;

    /// <summary>True when no frame is partly scanned.</summary>
    public readonly bool IsAtFrameStart => _phase == Phase.TypeByte && _depth == 0;

    public void Reset()
    {
        _depth = 0;
        _phase = Phase.TypeByte;
    }

    /// <summary>
    /// Scans <paramref name="data"/>, which continues where the previous call stopped.
    /// Done: a frame ended after <paramref name="consumed"/> bytes of this span. NeedMoreData: all of it was used.
    /// InvalidData: not RESP.
    /// </summary>
    public OperationStatus Scan(ReadOnlySpan<byte> data, out int consumed)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            switch (_phase)
            {
                case Phase.TypeByte:
                    _type = data[pos++];
                    switch (_type)
                    {
                        case (byte)'+' or (byte)'-' or (byte)':' or (byte)',' or (byte)'#' or (byte)'(' or (byte)'_':
                            _phase = Phase.Line;
                            break;
                        case (byte)'$' or (byte)'!' or (byte)'=' or (byte)'*' or (byte)'~' or (byte)'>' or (byte)'%' or (byte)'|':
                            _phase = Phase.Header;
                            _number = 0;
                            _negative = false;
                            _hasDigits = false;
                            break;
                        default:
                            consumed = pos;
                            return OperationStatus.InvalidData;
                    }
                    break;

                case Phase.Line:
                    {
                        var lf = data[pos..].IndexOf((byte)'\n');
                        if (lf < 0)
                        {
                            pos = data.Length;
                            break;
                        }
                        pos += lf + 1;
                        _phase = Phase.TypeByte;
                        if (CompleteValue())
                        {
                            consumed = pos;
                            return OperationStatus.Done;
                        }
                        break;
                    }

                case Phase.Header:
                    {
                        var b = data[pos++];
                        if (b is >= (byte)'0' and <= (byte)'9')
                        {
                            _number = (_number * 10) + (b - '0');
                            _hasDigits = true;
                            if (_number > int.MaxValue)
                            {
                                consumed = pos;
                                return OperationStatus.InvalidData;
                            }
                        }
                        else if (b == '-' && !_hasDigits && !_negative)
                        {
                            _negative = true;
                        }
                        else if (b == '\r' && _hasDigits)
                        {
                            _phase = Phase.HeaderLf;
                        }
                        else
                        {
                            consumed = pos;
                            return OperationStatus.InvalidData;
                        }
                        break;
                    }

                case Phase.HeaderLf:
                    {
                        if (data[pos++] != '\n')
                        {
                            consumed = pos;
                            return OperationStatus.InvalidData;
                        }
                        var status = OnHeader();
                        if (status == OperationStatus.InvalidData)
                        {
                            consumed = pos;
                            return status;
                        }
                        if (status == OperationStatus.Done)
                        {
                            consumed = pos;
                            return status;
                        }
                        break;
                    }

                case Phase.Body:
                    {
                        var take = (int)Math.Min(_bodyLeft, data.Length - pos);
                        pos += take;
                        _bodyLeft -= take;
                        if (_bodyLeft == 0)
                        {
                            _phase = Phase.TypeByte;
                            if (CompleteValue())
                            {
                                consumed = pos;
                                return OperationStatus.Done;
                            }
                        }
                        break;
                    }
            }
        }
        consumed = pos;
        return OperationStatus.NeedMoreData;
    }

    /// <summary>Scans a whole sequence from its start; returns the frame length or -1 when incomplete.</summary>
    public static OperationStatus TryGetFrameLength(in ReadOnlySequence<byte> buffer, out long length)
    {
        var scanner = default(RespFrameScanner);
        long offset = 0;
        foreach (var segment in buffer)
        {
            var status = scanner.Scan(segment.Span, out var used);
            offset += used;
            if (status != OperationStatus.NeedMoreData)
            {
                length = offset;
                return status;
            }
        }
        length = -1;
        return OperationStatus.NeedMoreData;
    }

    // Returns Done when a top-level frame ended with this header, NeedMoreData to continue.
    private OperationStatus OnHeader()
    {
        var n = _negative ? -_number : _number;
        _phase = Phase.TypeByte;
        switch (_type)
        {
            case (byte)'$' or (byte)'!' or (byte)'=':
                if (n < 0)
                {
                    return n == -1 ? FinishValue() : OperationStatus.InvalidData;
                }
                _bodyLeft = n + 2;
                _phase = Phase.Body;
                return OperationStatus.NeedMoreData;

            default:
                if (n < 0)
                {
                    return n == -1 ? FinishValue() : OperationStatus.InvalidData;
                }
                var elements = _type switch
                {
                    (byte)'%' => n * 2,
                    // An attribute map is followed by the value it annotates: count that value as one more element.
                    (byte)'|' => (n * 2) + 1,
                    _ => n,
                };
                if (elements == 0)
                {
                    return FinishValue();
                }
                if (elements > int.MaxValue || _depth >= RespLimits.MaxNesting)
                {
                    return OperationStatus.InvalidData;
                }
                _remaining ??= new int[8];
                if (_depth == _remaining.Length)
                {
                    Array.Resize(ref _remaining, _remaining.Length * 2);
                }
                _remaining[_depth++] = (int)elements;
                return OperationStatus.NeedMoreData;
        }
    }

    private OperationStatus FinishValue() => CompleteValue() ? OperationStatus.Done : OperationStatus.NeedMoreData;

    // A value ended; returns true when that closed the top-level frame.
    private bool CompleteValue()
    {
        while (_depth > 0)
        {
            if (--_remaining![_depth - 1] > 0)
            {
                return false;
            }
            _depth--;
        }
        return true;
    }
}
