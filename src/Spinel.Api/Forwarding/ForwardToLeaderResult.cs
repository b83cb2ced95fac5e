using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Spinel.Api.Forwarding;

/// <summary>The answer of a write this node cannot run: the leader's answer to the same request.</summary>
internal sealed class ForwardToLeaderResult : IResult
{
    public static ForwardToLeaderResult Instance { get; } = new();

    public Task ExecuteAsync(HttpContext httpContext) =>
        httpContext.RequestServices.GetRequiredService<LeaderForwarder>().ForwardAsync(httpContext);
}
