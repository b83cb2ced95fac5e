namespace Spinel.Resp.Framing;

/// <summary>
/// Follows the quoting of an inline command as its bytes arrive, with the rules of <see cref="InlineSplitter"/>, so
/// the scanner can reject unbalanced quotes as a protocol error while it scans, before the line is split.
/// </summary>
internal struct InlineQuoteTracker
{
    private enum State : byte { Between, Unquoted, Double, DoubleEscape, DoubleClosed, Single, SingleBackslash, SingleClosed }

    private State _state;
    private bool _invalid;

    /// <summary>True when the bytes fed since <see cref="Reset"/> form a line <see cref="InlineSplitter.Split"/> rejects.</summary>
    public readonly bool IsUnbalanced => _invalid || _state is State.Double or State.DoubleEscape or State.Single or State.SingleBackslash;

    public void Reset()
    {
        _state = State.Between;
        _invalid = false;
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _state = _state switch
            {
                State.Between when IsSpace(b) => State.Between,
                State.Between or State.Unquoted => b switch
                {
                    (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0 => State.Between,
                    (byte)'"' => State.Double,
                    (byte)'\'' => State.Single,
                    _ => State.Unquoted,
                },
                State.Double => b switch
                {
                    (byte)'\\' => State.DoubleEscape,
                    (byte)'"' => State.DoubleClosed,
                    _ => State.Double,
                },
                State.DoubleEscape => State.Double,
                State.Single => b switch
                {
                    (byte)'\\' => State.SingleBackslash,
                    (byte)'\'' => State.SingleClosed,
                    _ => State.Single,
                },
                State.SingleBackslash => b switch
                {
                    (byte)'\\' => State.SingleBackslash,
                    _ => State.Single,
                },
                _ => Closed(b),
            };
        }
    }

    // After a closing quote only a space (or the end) may follow.
    private State Closed(byte b)
    {
        if (!IsSpace(b))
        {
            _invalid = true;
        }
        return State.Between;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\v' or (byte)'\f';
}
