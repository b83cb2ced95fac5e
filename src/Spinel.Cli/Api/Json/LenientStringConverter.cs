using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spinel.Cli.Api.Json;

/// <summary>
/// Reads a JSON string, number, boolean or array of those as a string (arrays joined with commas), so fields whose
/// type differs between Redis Enterprise objects (node uids are numbers in <c>node</c>, strings in <c>shard</c>) bind alike.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return ReadScalar(ref reader);
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        using var nested = JsonDocument.ParseValue(ref reader);
                        items.Add(nested.RootElement.GetRawText());
                    }
                    else if (reader.TokenType == JsonTokenType.String)
                    {
                        items.Add(reader.GetString() ?? "");
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        items.Add(ReadScalar(ref reader));
                    }
                }
                return string.Join(",", items);
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static string ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ when reader.TryGetInt64(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        _ => reader.GetDouble().ToString("R", CultureInfo.InvariantCulture),
    };
}
