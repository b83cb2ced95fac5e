using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>The Redis Enterprise error body: <c>{"error_code": ..., "description"|"message": ...}</c>.</summary>
internal sealed record ErrorBody
{
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
