using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
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

    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();

    /// <summary>Parses the request body that <see cref="Pipeline.RequestBodyFilter"/> read.</summary>
    public static bool TryParseObject(HttpContext context, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out RequestError? error) =>
        TryParseObject(context.GetBufferedBody().Bytes, out document, out error);

    /// <summary>Like <see cref="TryParseObject(HttpContext, out JsonDocument?, out RequestError?)"/>, but an empty body reads as <c>{}</c>.</summary>
    public static bool TryParseOptionalObject(HttpContext context, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out RequestError? error)
    {
        var body = context.GetBufferedBody().Bytes;
        return TryParseObject(body.IsEmpty ? EmptyObject : body, out document, out error);
    }

    public static bool TryParseObject(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out RequestError? error)
    {
        document = null;
        // JsonDocument checks the UTF-8 of strings only when they are read, which would be too late to answer 400.
        if (!Utf8.IsValid(body.Span))
        {
            error = RequestError.BadRequest(ErrorCodes.InvalidJson, "the body is not valid UTF-8");
            return false;
        }
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            error = RequestError.BadRequest(ErrorCodes.InvalidJson, $"the body is not valid JSON: {ex.Message}");
            return false;
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check decodes property names, and an escaped lone surrogate cannot be decoded.
            error = RequestError.BadRequest(ErrorCodes.InvalidJson, "the body holds a property name that is not valid Unicode");
            return false;
        }
        if (!AllTextDecodes(document.RootElement))
        {
            error = RequestError.BadRequest(ErrorCodes.InvalidJson, "the body holds a string that is not valid Unicode (a lone surrogate escape)");
            document.Dispose();
            document = null;
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

    // An escaped lone surrogate ("\ud800") parses, but reading it as a string throws; find it here, not in a handler.
    private static bool AllTextDecodes(JsonElement element)
    {
        try
        {
            return Decodes(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static bool Decodes(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() is not null,
            JsonValueKind.Array => element.EnumerateArray().All(Decodes),
            JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && Decodes(p.Value)),
            _ => true,
        };
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
