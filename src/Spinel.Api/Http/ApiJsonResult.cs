using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Spinel.Api.Http;

/// <summary>A JSON answer; on a GET it applies <c>?fields=</c> as its <see cref="Projection"/> says.</summary>
internal sealed class ApiJsonResult(JsonNode? body, int statusCode = StatusCodes.Status200OK, Projection projection = Projection.None) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int StatusCode => statusCode;

    public JsonNode? Body => body;

    /// <summary>Headers to add to the response, e.g. <c>WWW-Authenticate</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (projection != Projection.None && HttpMethods.IsGet(httpContext.Request.Method)
            && FieldsProjection.Parse(httpContext.Request.Query["fields"]) is { } fields)
        {
            FieldsProjection.Apply(body, projection, fields);
        }
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers.Append(name, value);
        }
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        if (body is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            body.WriteTo(writer);
        }
        await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
