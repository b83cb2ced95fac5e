namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>user</c> object as this API writes it; the password is never part of it.</summary>
internal sealed record UserDto
{
    public int Uid { get; init; }
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public IReadOnlyList<int> RoleUids { get; init; } = [];
    public string Status { get; init; } = "active";
    public string AuthMethod { get; init; } = "regular";
}
