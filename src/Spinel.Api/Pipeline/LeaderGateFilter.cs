using Microsoft.AspNetCore.Http;
using Spinel.Api.Forwarding;

namespace Spinel.Api.Pipeline;

/// <summary>Writes run on the leader: a follower forwards them, a node without a quorum refuses them with 503.</summary>
internal sealed class LeaderGateFilter(LeaderForwarder forwarder) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.GetApiPolicy().RunsOnLeader && forwarder.RouteWrite() is { } elsewhere)
        {
            return ValueTask.FromResult<object?>(elsewhere);
        }
        return next(context);
    }
}
