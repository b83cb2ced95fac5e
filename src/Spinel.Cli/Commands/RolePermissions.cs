using System.Text.Json.Nodes;
using Spinel.Cli.Api;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

/// <summary>
/// Turns <c>--role-permission ROLE:ACL</c> values (each side a uid or a name) into a bdb's <c>roles_permissions</c>,
/// in the order given; <c>none</c> alone gives the empty list, which unbinds every role.
/// </summary>
internal static class RolePermissions
{
    public const string HelpName = "ROLE:ACL";

    /// <exception cref="UsageException">A value that is not ROLE:ACL.</exception>
    /// <exception cref="SpinelApiException">A role or ACL that does not exist.</exception>
    public static async Task<JsonArray> ResolveAsync(SpinelApiClient api, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        if (values is ["none"])
        {
            return [];
        }
        var permissions = new JsonArray();
        foreach (var value in values)
        {
            var parts = value.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new UsageException($"--role-permission '{value}' is not ROLE:ACL (a role and a Redis ACL, each a uid or a name), or none");
            }
            var role = await RbacResolver.ResolveRoleAsync(api, parts[0], cancellationToken).ConfigureAwait(false);
            var acl = await RbacResolver.ResolveAclAsync(api, parts[1], cancellationToken).ConfigureAwait(false);
            permissions.Add(new JsonObject { ["role_uid"] = Uid(role.Uid), ["redis_acl_uid"] = Uid(acl.Uid) });
        }
        return permissions;
    }

    // The REST API takes uids as numbers; the CLI reads them leniently as strings.
    private static JsonNode Uid(string? uid) => int.TryParse(uid, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : uid!;
}
