using System.Net;
using Spinel.Cli.Api;

namespace Spinel.Cli.Commands;

/// <summary>Finds the Redis ACL or role a command names: by uid (<c>2</c>, <c>acl:2</c>, <c>role:2</c>) or by name.</summary>
internal static class RbacResolver
{
    /// <exception cref="SpinelApiException"><c>redis_acl_not_found</c> when no ACL matches.</exception>
    public static async Task<RedisAclInfo> ResolveAclAsync(SpinelApiClient api, string reference, CancellationToken cancellationToken)
    {
        var acls = (await api.GetRedisAclsAsync(cancellationToken).ConfigureAwait(false)).Value ?? [];
        return Match(acls, a => a.Uid, a => a.Name, "acl:", reference)
            ?? throw new SpinelApiException(HttpStatusCode.NotFound, "redis_acl_not_found", $"no Redis ACL with uid or name '{reference}'");
    }

    /// <exception cref="SpinelApiException"><c>role_not_found</c> when no role matches.</exception>
    public static async Task<RoleInfo> ResolveRoleAsync(SpinelApiClient api, string reference, CancellationToken cancellationToken)
    {
        var roles = (await api.GetRolesAsync(cancellationToken).ConfigureAwait(false)).Value ?? [];
        return Match(roles, r => r.Uid, r => r.Name, "role:", reference)
            ?? throw new SpinelApiException(HttpStatusCode.NotFound, "role_not_found", $"no role with uid or name '{reference}'");
    }

    private static T? Match<T>(IReadOnlyList<T> items, Func<T, string?> uid, Func<T, string?> name, string prefix, string reference)
        where T : class
    {
        var key = reference.StartsWith(prefix, StringComparison.Ordinal) ? reference[prefix.Length..] : reference;
        return items.FirstOrDefault(i => uid(i) is not null && uid(i) == key)
            ?? items.FirstOrDefault(i => uid(i) is not null && string.Equals(name(i), reference, StringComparison.OrdinalIgnoreCase));
    }
}
