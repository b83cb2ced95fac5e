using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>The Redis Enterprise <c>redis_acl</c> object (<c>GET /v1/redis_acls</c>).</summary>
internal sealed record RedisAclInfo
{
    [JsonPropertyName("uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Uid { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The Redis ACL rules, e.g. <c>+@read ~app:*</c>.</summary>
    [JsonPropertyName("acl")]
    public string? Acl { get; init; }
}
