namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>redis_acl</c> object.</summary>
internal sealed record RedisAclDto
{
    public int Uid { get; init; }
    public string Name { get; init; } = "";
    public string Acl { get; init; } = "";
}
