namespace Spinel.Cli.Api;

/// <summary>No HTTP answer came from the cluster: connection refused, name not resolved, TLS rejected or timed out.</summary>
internal sealed class SpinelConnectionException(Uri url, string reason, Exception? innerException = null)
    : Exception($"cannot reach the cluster at {url}: {reason}", innerException)
{
    public Uri Url { get; } = url;

    public string Reason { get; } = reason;
}
