using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>The Redis Enterprise <c>role</c> object (<c>GET /v1/roles</c>).</summary>
internal sealed record RoleInfo
{
    [JsonPropertyName("uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Uid { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>admin, cluster_member, cluster_viewer, db_member, db_viewer, user_manager or none.</summary>
    [JsonPropertyName("management")]
    public string? Management { get; init; }
}
