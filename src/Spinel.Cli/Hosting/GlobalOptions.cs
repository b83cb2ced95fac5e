using System.CommandLine;

namespace Spinel.Cli.Hosting;

/// <summary>The options every command accepts (declared recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public const string DefaultUrl = "https://127.0.0.1:9443";

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"REST API URL of any cluster node [env SPINEL_URL, default {DefaultUrl}]",
        Recursive = true,
    };

    public Option<string?> User { get; } = new("--user")
    {
        Description = "Cluster user for HTTP Basic authentication [env SPINEL_USER]",
        Recursive = true,
    };

    public Option<string?> Password { get; } = new("--password")
    {
        Description = "Password of --user [env SPINEL_PASSWORD]",
        Recursive = true,
    };

    public Option<string?> CaCert { get; } = new("--cacert")
    {
        Description = "PEM file with the cluster's CA certificate, to verify its HTTPS endpoint [env SPINEL_CACERT]",
        HelpName = "pem",
        Recursive = true,
    };

    public Option<bool> Insecure { get; } = new("--insecure")
    {
        Description = "Do not verify the server certificate",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the JSON the API returned instead of tables and messages",
        Recursive = true,
    };

    public Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for each REST request",
        DefaultValueFactory = _ => 30,
        HelpName = "seconds",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--timeout must be at least 1 second");
            }
        });
    }

    public IEnumerable<Option> All => [Url, User, Password, CaCert, Insecure, Json, Timeout];

    /// <summary>Reads the connection settings, falling back to the environment for URL and credentials.</summary>
    /// <exception cref="UsageException">The URL is not an absolute http(s) URL, or --cacert and --insecure are both given.</exception>
    public ConnectionSettings ReadSettings(ParseResult parseResult, CliEnvironment environment)
    {
        var text = parseResult.GetValue(Url) ?? NonEmpty(environment.GetVariable("SPINEL_URL")) ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"--url '{text}' is not an http:// or https:// URL");
        }

        var caCert = parseResult.GetValue(CaCert) ?? NonEmpty(environment.GetVariable("SPINEL_CACERT"));
        var insecure = parseResult.GetValue(Insecure);
        if (caCert is not null && insecure)
        {
            throw new UsageException("--cacert and --insecure exclude each other");
        }

        return new ConnectionSettings
        {
            Url = url,
            User = parseResult.GetValue(User) ?? NonEmpty(environment.GetVariable("SPINEL_USER")),
            Password = parseResult.GetValue(Password) ?? environment.GetVariable("SPINEL_PASSWORD"),
            CaCertPath = caCert,
            Insecure = insecure,
            Timeout = TimeSpan.FromSeconds(parseResult.GetValue(Timeout)),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
