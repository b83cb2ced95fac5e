using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Spinel.Api.Endpoints;

/// <summary>
/// The methods the API's routes accept for a path, so that an unrouted request can be told 405 (the path exists with
/// other methods) from 404 (no such path). Built once from the endpoints mapped under <c>/v1</c>.
/// </summary>
internal sealed class RouteMethodIndex(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> _routes = new(() =>
    [
        .. endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("**", StringComparison.Ordinal))
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])),
    ]);

    /// <summary>The methods routed for <paramref name="path"/>; empty when no route has it.</summary>
    public IReadOnlyList<string> MethodsFor(PathString path) =>
        [.. _routes.Value.Where(r => r.Matcher.TryMatch(path, new RouteValueDictionary())).SelectMany(r => r.Methods).Distinct()];
}
