using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Auth;

/// <summary>
/// Checks HTTP Basic credentials against the store's users (by name or e-mail, case-insensitively). PBKDF2 is slow on
/// purpose, so a successful check is remembered by (user uid, user version, SHA-256 of the password): a changed user
/// (new password, new role) has a new version and is checked afresh. Failures are never remembered, but counted:
/// too many lock the user out of this node for a while (<see cref="LoginLockout"/>), logged as an audit line. Thread-safe.
/// </summary>
internal sealed partial class UserAuthenticator(IClusterStore store, IOptions<SpinelApiOptions> options, TimeProvider time, ILogger<UserAuthenticator> logger)
{
    private readonly ConcurrentDictionary<VerifiedPassword, bool> _verified = new();
    private readonly int _capacity = options.Value.CredentialCacheSize;
    private readonly LoginLockout _lockout = new(options.Value, time);

    public AuthenticationResult Authenticate(string? authorizationHeader)
    {
        if (authorizationHeader is null)
        {
            return AuthenticationResult.Fail("credentials are required (HTTP Basic)");
        }
        if (!BasicCredentials.TryParse(authorizationHeader, out var credentials))
        {
            return AuthenticationResult.Fail("the Authorization header is not valid HTTP Basic");
        }
        var (login, password) = credentials.Value;
        if (FindUser(store.Current, login) is not { } user)
        {
            return AuthenticationResult.Fail("invalid user name or password");
        }
        if (_lockout.LockedUntil(user.Uid) is { } lockedUntil)
        {
            return AuthenticationResult.Fail($"user is locked after too many failed logins, until {lockedUntil:O}");
        }
        var key = new VerifiedPassword(user.Uid, user.Version, Digest(password));
        if (_verified.ContainsKey(key))
        {
            _lockout.Succeeded(user.Uid);
            return new AuthenticationResult(user, null);
        }
        if (!PasswordHashing.Verify(password, user.PasswordHash))
        {
            if (_lockout.Failed(user.Uid) is { } until)
            {
                LogLockedOut(logger, user.Name, user.Uid, options.Value.LoginLockoutThreshold, until);
            }
            return AuthenticationResult.Fail("invalid user name or password");
        }
        _lockout.Succeeded(user.Uid);
        if (_verified.Count >= _capacity)
        {
            // Entries of old user versions are never hit again; starting over is simpler than tracking use.
            _verified.Clear();
        }
        _verified.TryAdd(key, true);
        return new AuthenticationResult(user, null);
    }

    /// <summary>The user whose name, else whose e-mail, is <paramref name="login"/> (case-insensitive).</summary>
    public static UserRecord? FindUser(ClusterState state, string login) =>
        state.Users.Values.FirstOrDefault(u => string.Equals(u.Name, login, StringComparison.OrdinalIgnoreCase))
        ?? state.Users.Values.FirstOrDefault(u => u.Email.Length > 0 && string.Equals(u.Email, login, StringComparison.OrdinalIgnoreCase));

    private static string Digest(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    private readonly record struct VerifiedPassword(int Uid, long Version, string PasswordDigest);

    [LoggerMessage(EventId = EventIds.UserLockedOut, Level = LogLevel.Warning,
        Message = "Audit: user {Name} (uid {Uid}) is locked out of this node's API after {Failures} failed logins, until {Until:O}")]
    private static partial void LogLockedOut(ILogger logger, string name, int uid, int failures, DateTimeOffset until);
}
