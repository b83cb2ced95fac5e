namespace Spinel.Proxy.Backends;

/// <summary>Error texts the proxy gives when a shard cannot answer.</summary>
internal static class BackendErrors
{
    public const string ConnectionLost = "ERR connection to shard lost; the command may or may not have been executed";
    public const string Unavailable = "ERR shard unavailable";

    /// <summary>A request waited <see cref="ProxyOptions.FailoverHoldTimeout"/> for a held shard; it was not sent.</summary>
    public const string HoldTimeout = "TRYAGAIN shard unavailable, try again later";

    /// <summary>A write waited <see cref="ProxyOptions.FailoverHoldTimeout"/> for the write fence to open; it was not sent.</summary>
    public const string WritesFenced = "READONLY You can't write against a read only replica.";
}
