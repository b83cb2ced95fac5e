using System.Text.Json;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>Reads the body of <c>POST /v1/users</c> and <c>PUT /v1/users/{uid}</c> strictly.</summary>
internal static class UserRequestReader
{
    private const int MaxNameLength = 256;
    private const int MaxPasswordLength = 1024;

    public static RequestError? Read(JsonElement body, out UserRequest request)
    {
        request = new UserRequest(null, null, null, null);
        foreach (var property in body.EnumerateObject())
        {
            var (field, value) = (property.Name, property.Value);
            var error = field switch
            {
                "name" => ReadName(value, ref request),
                "email" => ReadEmail(value, ref request),
                "password" => ReadPassword(value, ref request),
                "role" => ReadRole(value, ref request),
                "auth_method" => ReadAuthMethod(value),
                "role_uids" => ReadRoleUids(value, ref request),
                "uid" or "status" or "password_issue_date" or "last_login" => JsonFields.ReadOnlyField(field),
                _ => JsonFields.UnknownField(field),
            };
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private static RequestError? ReadName(JsonElement value, ref UserRequest request)
    {
        if (JsonFields.ReadString("name", value, MaxNameLength, out var name) is { } error)
        {
            return error;
        }
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl))
        {
            return RequestError.Parameter("name must be a non-empty string without control characters");
        }
        request = request with { Name = name };
        return null;
    }

    private static RequestError? ReadEmail(JsonElement value, ref UserRequest request)
    {
        if (JsonFields.ReadString("email", value, MaxNameLength, out var email) is { } error)
        {
            return error;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (email.Length > 0 && (at <= 0 || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            return RequestError.Parameter($"email '{email}' is not an e-mail address");
        }
        request = request with { Email = email };
        return null;
    }

    private static RequestError? ReadPassword(JsonElement value, ref UserRequest request)
    {
        if (JsonFields.ReadString("password", value, MaxPasswordLength, out var password) is { } error)
        {
            return error;
        }
        if (password.Length == 0)
        {
            return RequestError.Parameter("password must not be empty");
        }
        request = request with { Password = password };
        return null;
    }

    private static RequestError? ReadRole(JsonElement value, ref UserRequest request)
    {
        if (JsonFields.ReadEnum<UserRole>("role", value, out var role) is { } error)
        {
            return error;
        }
        request = request with { Role = role };
        return null;
    }

    private static RequestError? ReadRoleUids(JsonElement value, ref UserRequest request)
    {
        if (JsonFields.ReadUids("role_uids", value, out var uids) is { } error)
        {
            return error;
        }
        request = request with { RoleUids = uids };
        return null;
    }

    private static RequestError? ReadAuthMethod(JsonElement value)
    {
        if (JsonFields.ReadString("auth_method", value, 32, out var method) is { } error)
        {
            return error;
        }
        return method == "regular" ? null : RequestError.Parameter($"auth_method '{method}' is not supported; only regular is");
    }
}
