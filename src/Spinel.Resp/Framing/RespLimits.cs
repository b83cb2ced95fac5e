namespace Spinel.Resp.Framing;

/// <summary>Protocol limits, the same as redis-server's defaults.</summary>
public static class RespLimits
{
    /// <summary>Largest bulk string a client may send (<c>proto-max-bulk-len</c>, 512 MB).</summary>
    public const long MaxBulkLength = 512L * 1024 * 1024;

    /// <summary>Most elements in one request array (redis allows 1024*1024*1024, we cap lower to bound memory per request).</summary>
    public const int MaxMultiBulkLength = 1024 * 1024;

    /// <summary>Longest inline command (<c>PROTO_INLINE_MAX_SIZE</c>, 64 KB).</summary>
    public const int MaxInlineLength = 64 * 1024;

    /// <summary>Deepest nesting of aggregates accepted in a reply frame.</summary>
    public const int MaxNesting = 128;
}
