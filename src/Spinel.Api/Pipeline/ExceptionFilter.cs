using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Spinel.Api.Http;

namespace Spinel.Api.Pipeline;

/// <summary>Turns an exception that escapes a handler into a Redis Enterprise error body, never a stack trace.</summary>
internal sealed partial class ExceptionFilter(ILogger<ExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            return ApiResults.Error(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCodes.RequestTooLarge : ErrorCodes.BadRequest, ex.Message);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            Log.UnhandledException(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path, ex);
            return ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "internal error; the node's log has the details");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.UnhandledException, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
        public static partial void UnhandledException(ILogger logger, string method, PathString path, Exception exception);
    }
}
