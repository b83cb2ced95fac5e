using Spinel.ControlPlane.Store;

namespace Spinel.Api.Json;

/// <summary>Maps user records to the Redis Enterprise <c>user</c> object, leaving the password hash out.</summary>
internal static class UserJson
{
    public static UserDto ToDto(UserRecord user) => new()
    {
        Uid = user.Uid,
        Name = user.Name,
        Email = user.Email,
        Role = StoreEnumNames<UserRole>.Name(user.Role),
        RoleUids = [.. user.RoleUids],
    };
}
