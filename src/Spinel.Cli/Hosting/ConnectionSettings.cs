namespace Spinel.Cli.Hosting;

/// <summary>How to reach and authenticate to the cluster's REST API, from the global options and the environment.</summary>
internal sealed record ConnectionSettings
{
    /// <summary>Base URL of the REST API; default <c>https://127.0.0.1:9443</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>HTTP Basic user; no Authorization header is sent when null.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>PEM file with the certificate(s) to trust for the cluster's HTTPS endpoint.</summary>
    public string? CaCertPath { get; init; }

    /// <summary>Skip verification of the server certificate.</summary>
    public bool Insecure { get; init; }

    /// <summary>Limit for each REST request; default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
