using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Spinel.Api.Http;
using Spinel.Api.Pipeline;

namespace Spinel.Api.Validation;

/// <summary>Parses a request body that must be one JSON object: malformed JSON, invalid UTF-8, duplicate keys or another JSON type give 400.</summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 32,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses the request body that <see cref="Pipeline.RequestBodyFilter"/> read.</summary>
    public static bool TryParseObject(HttpContext context, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out RequestError? error) =>
        TryParseObject(context.GetBufferedBody().Bytes, out document, out error);

    public static bool TryParseObject(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out RequestError? error)
    {
        document = null;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            error = RequestError.BadRequest(ErrorCodes.InvalidJson, $"the body is not valid JSON: {ex.Message}");
            return false;
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 can surface as ArgumentException instead of JsonException.
            error = RequestError.BadRequest(ErrorCodes.InvalidJson, $"the body is not valid UTF-8 JSON: {ex.Message}");
            return false;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            error = RequestError.BadRequest(ErrorCodes.InvalidJson, $"the body must be a JSON object, not {Describe(document.RootElement.ValueKind)}");
            document.Dispose();
            document = null;
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>The JSON type of a value in words, for error messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
