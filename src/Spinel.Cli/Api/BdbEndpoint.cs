using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>One entry of a bdb's <c>endpoints</c> array.</summary>
internal sealed record BdbEndpoint
{
    /// <summary>Endpoint id, <c>&lt;bdb_uid&gt;:&lt;n&gt;</c>.</summary>
    [JsonPropertyName("uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Uid { get; init; }

    [JsonPropertyName("dns_name")]
    public string? DnsName { get; init; }

    [JsonPropertyName("port")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Port { get; init; }

    /// <summary>Addresses of the nodes whose proxies bind the endpoint.</summary>
    [JsonPropertyName("addr")]
    public IReadOnlyList<string>? Addr { get; init; }

    [JsonPropertyName("proxy_policy")]
    public string? ProxyPolicy { get; init; }
}
