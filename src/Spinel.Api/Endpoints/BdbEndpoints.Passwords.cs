using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/bdbs/{uid}/passwords</c>: the default user's passwords, several at once so clients can move to a new one
/// before the old one goes. <c>PUT</c> replaces them all with one, <c>POST</c> adds one, <c>DELETE</c> removes one
/// (never the last: that would open the database to everyone). Each body is <c>{"password": "..."}</c>.
/// </summary>
internal static partial class BdbEndpoints
{
    private const int MaxPasswordLength = 512;
    private const int MaxPasswords = 16;

    private static void MapPasswords(RouteGroupBuilder v1)
    {
        v1.MapPut("/bdbs/{uid:int}/passwords", (int uid, HttpContext context, IClusterStore store, IDatabaseOperations databases, CancellationToken ct) =>
            ChangePasswordsAsync(uid, context, store, databases, Replace, ct)).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
        v1.MapPost("/bdbs/{uid:int}/passwords", (int uid, HttpContext context, IClusterStore store, IDatabaseOperations databases, CancellationToken ct) =>
            ChangePasswordsAsync(uid, context, store, databases, Add, ct)).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
        v1.MapDelete("/bdbs/{uid:int}/passwords", (int uid, HttpContext context, IClusterStore store, IDatabaseOperations databases, CancellationToken ct) =>
            ChangePasswordsAsync(uid, context, store, databases, Remove, ct)).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
    }

    private delegate RequestError? PasswordChange(BdbRecord current, string password, out BdbRecord desired);

    private static RequestError? Replace(BdbRecord current, string password, out BdbRecord desired)
    {
        desired = current with { AuthenticationRedisPass = password, AdditionalPasswords = [] };
        return null;
    }

    private static RequestError? Add(BdbRecord current, string password, out BdbRecord desired)
    {
        desired = current;
        if (current.AuthenticationRedisPass is null)
        {
            desired = current with { AuthenticationRedisPass = password };
            return null;
        }
        if (current.AuthenticationRedisPass == password || current.AdditionalPasswords.Contains(password))
        {
            return RequestError.NotAcceptable("password_exists", "the database already has this password");
        }
        if (current.AdditionalPasswords.Count + 1 >= MaxPasswords)
        {
            return RequestError.NotAcceptable("too_many_passwords", $"a database has at most {MaxPasswords} passwords; delete one first");
        }
        desired = current with { AdditionalPasswords = [.. current.AdditionalPasswords, password] };
        return null;
    }

    private static RequestError? Remove(BdbRecord current, string password, out BdbRecord desired)
    {
        desired = current;
        var all = current.AuthenticationRedisPass is null ? [] : current.AdditionalPasswords.Prepend(current.AuthenticationRedisPass).ToList();
        if (!all.Contains(password))
        {
            return RequestError.NotFound("password_not_exist", "the database has no such password");
        }
        if (all.Count == 1)
        {
            return RequestError.NotAcceptable("last_password", "the last password cannot be deleted; replace it with PUT, or clear authentication_redis_pass");
        }
        var rest = all.Where(p => p != password).ToList();
        desired = current with { AuthenticationRedisPass = rest[0], AdditionalPasswords = [.. rest.Skip(1)] };
        return null;
    }

    private static async Task<IResult> ChangePasswordsAsync(int uid, HttpContext context, IClusterStore store, IDatabaseOperations databases,
        PasswordChange change, CancellationToken cancellationToken)
    {
        if (store.Current.Bdbs.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        string password;
        using (document)
        {
            if (ReadPassword(document.RootElement, out password) is { } error)
            {
                return error.ToResult();
            }
        }
        if (change(current, password, out var desired) is { } refused)
        {
            return refused.ToResult();
        }
        var outcome = await databases.UpdateAsync(desired with { Version = current.Version }, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, store);
    }

    private static RequestError? ReadPassword(JsonElement body, out string password)
    {
        password = "";
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name != "password")
            {
                return JsonFields.UnknownField(property.Name);
            }
        }
        if (!body.TryGetProperty("password", out var value))
        {
            return RequestError.Parameter("password is missing");
        }
        if (JsonFields.ReadString("password", value, MaxPasswordLength, out password) is { } error)
        {
            return error;
        }
        return password.Length == 0 ? RequestError.Parameter("password must not be empty") : null;
    }
}
