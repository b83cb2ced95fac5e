using Spinel.ControlPlane.Store;

namespace Spinel.Api.Auth;

/// <summary>The user a request authenticated as, or why it did not.</summary>
internal sealed record AuthenticationResult(UserRecord? User, string? Failure)
{
    public static AuthenticationResult Fail(string failure) => new(null, failure);
}
