namespace Spinel.Api.Validation;

/// <summary>The fields a <c>redis_acl</c> request gave; null for those it left out.</summary>
internal sealed record RedisAclRequest(string? Name, string? Acl);
