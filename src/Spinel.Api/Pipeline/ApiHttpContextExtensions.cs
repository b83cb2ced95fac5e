using Microsoft.AspNetCore.Http;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Pipeline;

/// <summary>What the API's filters leave on the request for its handlers.</summary>
internal static class ApiHttpContextExtensions
{
    private static readonly object UserKey = new();

    public static ApiEndpointPolicy GetApiPolicy(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointPolicy>()
        ?? (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? ApiEndpointPolicy.Read : ApiEndpointPolicy.ClusterWrite);

    /// <summary>The authenticated caller; null on bootstrap requests of a node that is in no cluster.</summary>
    public static UserRecord? GetApiUser(this HttpContext context) => context.Items.TryGetValue(UserKey, out var user) ? user as UserRecord : null;

    public static void SetApiUser(this HttpContext context, UserRecord user) => context.Items[UserKey] = user;

    public static BufferedRequestBody GetBufferedBody(this HttpContext context) =>
        context.Features.Get<BufferedRequestBody>() ?? BufferedRequestBody.Empty;

    /// <summary>Whether the request's body is read: always for POST/PUT/PATCH; for a DELETE only when it sends one (<c>/passwords</c>).</summary>
    public static bool HasBody(this HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) ||
        (HttpMethods.IsDelete(request.Method) && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0));
}
