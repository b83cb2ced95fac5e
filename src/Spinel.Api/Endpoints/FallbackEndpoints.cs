using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Pipeline;

namespace Spinel.Api.Endpoints;

/// <summary>Any other request under <c>/v1</c>: 405 for a known path with another method, else 404, both with an error body.</summary>
internal static class FallbackEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapFallback("{**path}", Answer).WithMetadata(ApiEndpointPolicy.Read);

    private static IResult Answer(HttpContext context, RouteMethodIndex routes)
    {
        var request = context.Request;
        var methods = routes.MethodsFor(request.Path);
        // A path that fits a template for this very method failed its constraints (e.g. a uid that is no number): unknown.
        if (methods.Count == 0 || methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return ApiResults.NotFound(ErrorCodes.NotFound, $"{request.Path} is not a path of this API");
        }
        return new ApiJsonResult(ApiResults.Error(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
            $"{request.Method} is not allowed on {request.Path}; use {string.Join(", ", methods)}").Body, StatusCodes.Status405MethodNotAllowed)
        {
            Headers = [new("Allow", string.Join(", ", methods))],
        };
    }
}
