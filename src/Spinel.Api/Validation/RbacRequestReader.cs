using System.Text.Json;
using Spinel.Api.Http;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>Reads the bodies of <c>/v1/redis_acls</c> and <c>/v1/roles</c> strictly: known fields, right types, valid rules.</summary>
internal static class RbacRequestReader
{
    private const int MaxNameLength = 256;

    public static RequestError? ReadRedisAcl(JsonElement body, out RedisAclRequest request)
    {
        request = new RedisAclRequest(null, null);
        foreach (var property in body.EnumerateObject())
        {
            var (field, value) = (property.Name, property.Value);
            switch (field)
            {
                case "name":
                    if (ReadName(value, out var name) is { } nameError)
                    {
                        return nameError;
                    }
                    request = request with { Name = name };
                    break;
                case "acl":
                    if (JsonFields.ReadString(field, value, AclSyntax.MaxLength, out var acl) is { } aclError)
                    {
                        return aclError;
                    }
                    if (!AclSyntax.TryValidate(acl, out var problem))
                    {
                        return RequestError.NotAcceptable(ErrorCodes.InvalidAcl, $"acl is not valid: {problem}");
                    }
                    request = request with { Acl = acl.Trim() };
                    break;
                case "uid":
                    return JsonFields.ReadOnlyField(field);
                default:
                    return JsonFields.UnknownField(field);
            }
        }
        return null;
    }

    public static RequestError? ReadRole(JsonElement body, out RoleRequest request)
    {
        request = new RoleRequest(null, null);
        foreach (var property in body.EnumerateObject())
        {
            var (field, value) = (property.Name, property.Value);
            switch (field)
            {
                case "name":
                    if (ReadName(value, out var name) is { } nameError)
                    {
                        return nameError;
                    }
                    request = request with { Name = name };
                    break;
                case "management":
                    if (JsonFields.ReadEnum<UserRole>(field, value, out var management) is { } managementError)
                    {
                        return managementError;
                    }
                    request = request with { Management = management };
                    break;
                case "uid":
                    return JsonFields.ReadOnlyField(field);
                default:
                    return JsonFields.UnknownField(field);
            }
        }
        return null;
    }

    private static RequestError? ReadName(JsonElement value, out string name)
    {
        if (JsonFields.ReadString("name", value, MaxNameLength, out name) is { } error)
        {
            return error;
        }
        return string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl)
            ? RequestError.Parameter("name must be a non-empty string without control characters")
            : null;
    }
}
