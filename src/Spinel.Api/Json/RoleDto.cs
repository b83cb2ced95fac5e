namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>role</c> object.</summary>
internal sealed record RoleDto
{
    public int Uid { get; init; }
    public string Name { get; init; } = "";
    public string Management { get; init; } = "";
}
