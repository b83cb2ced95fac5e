using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>Where one shard of a blueprint group goes: <c>{"node_uid": "1", "role": "master"}</c>.</summary>
internal sealed record BlueprintNode
{
    [JsonPropertyName("node_uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NodeUid { get; init; }

    /// <summary>master or slave.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }
}
