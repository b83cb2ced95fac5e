using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Spinel.WebConsole;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>The path the console is served under; <c>/</c> redirects there.</summary>
    public const string BasePath = "/console";

    /// <summary>
    /// Maps the web console: its static files, embedded in this assembly, under <c>/console</c>, and a redirect from
    /// <c>/</c>. The files need no authentication; every figure they show comes from the REST API with the user's
    /// credentials, so the console has exactly the API's permissions.
    /// </summary>
    public static RouteGroupBuilder MapSpinelConsole(this IEndpointRouteBuilder endpoints)
    {
        var files = new ConsoleFiles();
        endpoints.MapGet("/", () => Results.Redirect(BasePath + "/", permanent: false)).ExcludeFromDescription();
        var console = endpoints.MapGroup(BasePath);
        console.MapGet("/", (HttpContext context) => files.Serve(context, "index.html"));
        console.MapGet("/{**path}", (string path, HttpContext context) => files.Serve(context, path));
        return console;
    }
}
