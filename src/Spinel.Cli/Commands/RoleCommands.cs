using System.CommandLine;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel role list|create|delete</c> over <c>/v1/roles</c>: roles users hold, each with a management role.</summary>
internal static class RoleCommands
{
    /// <summary>The management roles of Redis Enterprise, as the REST API names them.</summary>
    public static readonly string[] Managements = ["admin", "cluster_member", "cluster_viewer", "db_member", "db_viewer", "user_manager", "none"];

    public static Command Create(CliServices services) => new("role", "List, create and delete roles (what users may manage, and which Redis ACL databases give them)")
    {
        ListCommand(services),
        CreateCommand(services),
        DeleteCommand(services),
    };

    private static Command ListCommand(CliServices services)
    {
        var command = new Command("list", "List the roles");
        CliAction.Set(command, services, async (context, ct) =>
        {
            var result = await context.Api.GetRolesAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                RbacRenderer.RenderRoles(context.Out, result.Value ?? []);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCommand(CliServices services)
    {
        var name = new Option<string>("--name") { Description = "Unique name of the role", Required = true };
        var management = new Option<string>("--management")
        {
            Description = "What holders may do through the REST API; none for database access only",
            HelpName = string.Join('|', Managements),
            DefaultValueFactory = _ => "none",
        };
        management.AcceptOnlyFromAmong(Managements);
        var command = new Command("create", "Create a role (POST /v1/roles); e.g. role create --name app --management db_viewer") { name, management };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var body = new JsonObject { ["name"] = context.GetValue(name), ["management"] = context.GetValue(management) };
            var result = await context.Api.CreateRoleAsync(body, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            context.Success($"role '{result.Value?.Name ?? context.GetValue(name)}' (role:{result.Value?.Uid}) created");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DeleteCommand(CliServices services)
    {
        var role = new Argument<string>("role") { Description = "Role uid (2 or role:2) or name" };
        var command = new Command("delete", "Delete a role that no user holds and no database binds (DELETE /v1/roles/{uid})") { role };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var found = await RbacResolver.ResolveRoleAsync(context.Api, context.GetValue(role)!, ct).ConfigureAwait(false);
            var result = await context.Api.DeleteRoleAsync(found.Uid!, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            context.Success($"role '{found.Name}' (role:{found.Uid}) deleted");
            return ExitCodes.Success;
        });
        return command;
    }
}
