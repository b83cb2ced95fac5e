using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Spinel.Api.Http;

namespace Spinel.Api.Pipeline;

/// <summary>
/// Reads the body of a POST or PUT once, after checking its content type (<c>application/json</c>, UTF-8; else 400)
/// and its size (413 above <see cref="SpinelApiOptions.MaxRequestBodyBytes"/>), and leaves it as a <see cref="BufferedRequestBody"/>.
/// An endpoint whose body is optional also takes an empty body without a Content-Type.
/// </summary>
internal sealed class RequestBodyFilter(IOptions<SpinelApiOptions> options) : IEndpointFilter
{
    private readonly int _limit = options.Value.MaxRequestBodyBytes;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var policy = context.HttpContext.GetApiPolicy();
        // Only writes take a body; any other route with a body-bearing method is an unknown one, which answers 404/405.
        if (!request.HasBody() || !(policy.RunsOnLeader || policy.IsBootstrap))
        {
            return await next(context).ConfigureAwait(false);
        }
        var isJson = IsJson(request.ContentType);
        if (!isJson && !(policy.BodyOptional && request.ContentType is null))
        {
            return NotJson();
        }
        if (request.ContentLength > _limit)
        {
            return TooLarge();
        }
        var body = await ReadAsync(request, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }
        if (!isJson && body.Length > 0)
        {
            return NotJson();
        }
        context.HttpContext.Features.Set(new BufferedRequestBody(body));
        return await next(context).ConfigureAwait(false);
    }

    private static ApiJsonResult NotJson() => ApiResults.BadRequest(ErrorCodes.UnsupportedMediaType, "Content-Type must be application/json");

    private ApiJsonResult TooLarge() =>
        ApiResults.Error(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"the body is larger than {_limit} bytes");

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body, or null when it is longer than the limit.</summary>
    private async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > _limit)
            {
                return null;
            }
            body.Write(chunk, 0, read);
        }
        return body.ToArray();
    }
}
