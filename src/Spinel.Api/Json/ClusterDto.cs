namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>cluster</c> object as this API writes it; the CA's private key is never part of it.</summary>
internal sealed record ClusterDto
{
    public string Name { get; init; } = "";
    public string? CreatedTime { get; init; }
}
