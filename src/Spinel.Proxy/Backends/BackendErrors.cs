namespace Spinel.Proxy.Backends;

/// <summary>Error texts the proxy gives when a shard cannot answer.</summary>
internal static class BackendErrors
{
    public const string ConnectionLost = "ERR connection to shard lost; the command may or may not have been executed";
    public const string Unavailable = "ERR shard unavailable";
}
