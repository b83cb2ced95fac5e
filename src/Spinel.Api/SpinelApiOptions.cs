namespace Spinel.Api;

/// <summary>Settings of the REST API v1.</summary>
public sealed class SpinelApiOptions
{
    /// <summary>Largest request body accepted; a larger one gets 413.</summary>
    /// <value>1 MiB.</value>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a write forwarded to the leader may take before the answer is 503.</summary>
    /// <value>60 seconds; joining a node catches its store up first, which can take a while.</value>
    public TimeSpan ForwardTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most successful password checks remembered, so that Basic auth does not run PBKDF2 on every request.</summary>
    /// <value>1024.</value>
    public int CredentialCacheSize { get; set; } = 1024;
}
