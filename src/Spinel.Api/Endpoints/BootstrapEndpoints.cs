using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Spinel.Api.Bootstrap;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;

namespace Spinel.Api.Endpoints;

/// <summary><c>/v1/bootstrap</c>: how far this node got in creating or joining a cluster, and starting either.</summary>
internal static partial class BootstrapEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/bootstrap", Get).WithMetadata(ApiEndpointPolicy.BootstrapRead);
        v1.MapPost("/bootstrap", (HttpContext context, IBootstrapService bootstrap, ILoggerFactory loggers) =>
            Start(context, bootstrap, loggers, pathAction: null)).WithMetadata(ApiEndpointPolicy.BootstrapWrite);
        v1.MapPost("/bootstrap/{action}", (string action, HttpContext context, IBootstrapService bootstrap, ILoggerFactory loggers) =>
            Start(context, bootstrap, loggers, action)).WithMetadata(ApiEndpointPolicy.BootstrapWrite);
    }

    private static IResult Get(IBootstrapService bootstrap)
    {
        var status = bootstrap.Status;
        return ApiResults.Object(new BootstrapDto
        {
            BootstrapStatus = new BootstrapStatusDto
            {
                State = status.State,
                StartTime = ApiTime.Format(status.StartTime),
                EndTime = ApiTime.Format(status.EndTime),
                ErrorCode = status.ErrorCode,
                ErrorDetails = status.ErrorDetails,
            },
            LocalNodeInfo = LocalNodeInfoReader.Read(),
        }, ApiJsonContext.Default.BootstrapDto);
    }

    private static IResult Start(HttpContext context, IBootstrapService bootstrap, ILoggerFactory loggers, string? pathAction)
    {
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        using (document)
        {
            if (BootstrapRequestReader.Read(document.RootElement, pathAction, out var request) is { } error)
            {
                return error.ToResult();
            }
            var (failure, action) = request switch
            {
                { Create: { } create } => (bootstrap.StartCreateCluster(create), BootstrapRequestReader.CreateCluster),
                { Recover: { } recover } => (bootstrap.StartRecoverCluster(recover), BootstrapRequestReader.RecoverCluster),
                _ => (bootstrap.StartJoinCluster(request.Join!), BootstrapRequestReader.JoinCluster),
            };
            if (failure is not null)
            {
                return OperationResults.ToResult(failure);
            }
            Log.BootstrapStarted(loggers.CreateLogger(typeof(BootstrapEndpoints).FullName!), action);
            return ApiResults.EmptyObject();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.BootstrapStarted, Level = LogLevel.Information, Message = "Bootstrap {Action} started")]
        public static partial void BootstrapStarted(ILogger logger, string action);
    }
}
