using System.CommandLine;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;
using Spinel.Cli.Rendering;

namespace Spinel.Cli.Commands;

/// <summary><c>spinel acl list|create|delete</c> over <c>/v1/redis_acls</c>: named Redis ACL rules that databases bind to roles.</summary>
internal static class AclCommands
{
    public static Command Create(CliServices services) => new("acl", "List, create and delete Redis ACLs (rules databases give to roles)")
    {
        ListCommand(services),
        CreateCommand(services),
        DeleteCommand(services),
    };

    private static Command ListCommand(CliServices services)
    {
        var command = new Command("list", "List the Redis ACLs");
        CliAction.Set(command, services, async (context, ct) =>
        {
            var result = await context.Api.GetRedisAclsAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                RbacRenderer.RenderAcls(context.Out, result.Value ?? []);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCommand(CliServices services)
    {
        var name = new Option<string>("--name") { Description = "Unique name of the ACL", Required = true };
        var rule = new Option<string>("--rule") { Description = "Redis ACL rules, e.g. \"+@read ~app:*\"", Required = true };
        var command = new Command("create", "Create a Redis ACL (POST /v1/redis_acls); e.g. acl create --name read-app --rule \"+@read ~app:*\"") { name, rule };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var body = new JsonObject { ["name"] = context.GetValue(name), ["acl"] = context.GetValue(rule) };
            var result = await context.Api.CreateRedisAclAsync(body, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            context.Success($"Redis ACL '{result.Value?.Name ?? context.GetValue(name)}' (acl:{result.Value?.Uid}) created");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DeleteCommand(CliServices services)
    {
        var acl = new Argument<string>("acl") { Description = "ACL uid (2 or acl:2) or name" };
        var command = new Command("delete", "Delete a Redis ACL that no database binds (DELETE /v1/redis_acls/{uid})") { acl };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var found = await RbacResolver.ResolveAclAsync(context.Api, context.GetValue(acl)!, ct).ConfigureAwait(false);
            var result = await context.Api.DeleteRedisAclAsync(found.Uid!, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            context.Success($"Redis ACL '{found.Name}' (acl:{found.Uid}) deleted");
            return ExitCodes.Success;
        });
        return command;
    }
}
