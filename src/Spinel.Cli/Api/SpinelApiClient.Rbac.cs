using System.Text.Json.Nodes;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

internal sealed partial class SpinelApiClient
{
    public Task<ApiResult<IReadOnlyList<RedisAclInfo>>> GetRedisAclsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/redis_acls", null, CliJsonContext.Default.IReadOnlyListRedisAclInfo, cancellationToken);

    /// <summary><c>POST /v1/redis_acls</c> with <c>name</c> and <c>acl</c>; the answer is the new ACL.</summary>
    public Task<ApiResult<RedisAclInfo>> CreateRedisAclAsync(JsonObject acl, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/redis_acls", acl, CliJsonContext.Default.RedisAclInfo, cancellationToken);

    public Task<ApiResult<RedisAclInfo>> DeleteRedisAclAsync(string uid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, "v1/redis_acls/" + Uri.EscapeDataString(uid), null, CliJsonContext.Default.RedisAclInfo, cancellationToken);

    public Task<ApiResult<IReadOnlyList<RoleInfo>>> GetRolesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/roles", null, CliJsonContext.Default.IReadOnlyListRoleInfo, cancellationToken);

    /// <summary><c>POST /v1/roles</c> with <c>name</c> and <c>management</c>; the answer is the new role.</summary>
    public Task<ApiResult<RoleInfo>> CreateRoleAsync(JsonObject role, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/roles", role, CliJsonContext.Default.RoleInfo, cancellationToken);

    public Task<ApiResult<RoleInfo>> DeleteRoleAsync(string uid, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, "v1/roles/" + Uri.EscapeDataString(uid), null, CliJsonContext.Default.RoleInfo, cancellationToken);
}
