using System.Security.Cryptography;
using System.Text;

namespace Spinel.Api.Auth;

/// <summary>
/// The digest of a user's password that database endpoints check (<c>AUTH user password</c>): lower-case hex SHA-256,
/// redis's <c>#hash</c> form. Stored next to the PBKDF2 hash, which stays the one the REST API checks.
/// </summary>
public static class RedisPasswordDigest
{
    public static string Of(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
    }
}
