using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>The answer of an asynchronous request that names its action: <c>{"action_uid": ..., "description": ...}</c>.</summary>
internal sealed record ActionAccepted
{
    [JsonPropertyName("action_uid")]
    public string? ActionUid { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
