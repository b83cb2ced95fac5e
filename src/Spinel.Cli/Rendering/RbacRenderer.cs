using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Renders the <c>acl list</c> and <c>role list</c> tables.</summary>
internal static class RbacRenderer
{
    public static void RenderAcls(Spectre.Console.IAnsiConsole console, IEnumerable<RedisAclInfo> acls)
    {
        var table = Tables.Create("ACL:ID", "NAME", "RULES");
        foreach (var acl in acls.OrderBy(a => a.Uid, UidComparer.Instance))
        {
            table.AddRow($"acl:{acl.Uid}", acl.Name, acl.Acl);
        }
        Tables.WriteSection(console, "REDIS ACLS", table);
    }

    public static void RenderRoles(Spectre.Console.IAnsiConsole console, IEnumerable<RoleInfo> roles)
    {
        var table = Tables.Create("ROLE:ID", "NAME", "MANAGEMENT");
        foreach (var role in roles.OrderBy(r => r.Uid, UidComparer.Instance))
        {
            table.AddRow($"role:{role.Uid}", role.Name, role.Management);
        }
        Tables.WriteSection(console, "ROLES", table);
    }
}
