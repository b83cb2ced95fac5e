using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Spinel.Api.Json;

namespace Spinel.Api.Http;

/// <summary>Builds the API's answers: JSON objects and lists, and Redis Enterprise error bodies.</summary>
internal static class ApiResults
{
    public static ApiJsonResult Object<T>(T value, JsonTypeInfo<T> type) =>
        new(JsonSerializer.SerializeToNode(value, type), StatusCodes.Status200OK, Projection.Object);

    public static ApiJsonResult List<T>(IReadOnlyList<T> items, JsonTypeInfo<IReadOnlyList<T>> type) =>
        new(JsonSerializer.SerializeToNode(items, type), StatusCodes.Status200OK, Projection.EachItem);

    public static ApiJsonResult Json<T>(T value, JsonTypeInfo<T> type, Projection projection) =>
        new(JsonSerializer.SerializeToNode(value, type), StatusCodes.Status200OK, projection);

    /// <summary>The answer of a write: the object without projection.</summary>
    public static ApiJsonResult Written<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.SerializeToNode(value, type));

    public static ApiJsonResult EmptyObject() => new(new JsonObject());

    public static ApiJsonResult Error(int statusCode, string errorCode, string description) => new(ErrorNode(errorCode, description), statusCode);

    public static ApiJsonResult BadRequest(string errorCode, string description) =>
        Error(StatusCodes.Status400BadRequest, errorCode, description);

    public static ApiJsonResult NotAcceptable(string errorCode, string description) =>
        Error(StatusCodes.Status406NotAcceptable, errorCode, description);

    public static ApiJsonResult NotFound(string errorCode, string description) =>
        Error(StatusCodes.Status404NotFound, errorCode, description);

    /// <summary>401 with the Basic challenge.</summary>
    public static ApiJsonResult Unauthorized(string description) =>
        new(ErrorNode(ErrorCodes.Unauthorized, description), StatusCodes.Status401Unauthorized)
        {
            Headers = [new("WWW-Authenticate", "Basic realm=\"spinel\"")],
        };

    public static ApiJsonResult NoQuorum(string description) =>
        Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.NoQuorum, description);

    private static JsonNode? ErrorNode(string errorCode, string description) =>
        JsonSerializer.SerializeToNode(new ErrorBody(errorCode, description), ApiJsonContext.Default.ErrorBody);
}
