using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spinel.Cli.Api.Json;

/// <summary>Reads an integer given as a JSON number (integral or not) or a numeric string; anything else reads as null.</summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? whole : (long)Math.Round(reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? (long)Math.Round(parsed) : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
