using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Spinel.ControlPlane.Store.Json;

/// <summary>Writes a <see cref="ValueDictionary{TKey,TValue}"/> with <c>int</c>, <c>long</c> or <c>string</c> keys as a JSON object.</summary>
public sealed class ValueDictionaryJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueDictionary<,>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var arguments = typeToConvert.GetGenericArguments();
        if (arguments[0] != typeof(int) && arguments[0] != typeof(long) && arguments[0] != typeof(string))
        {
            throw new NotSupportedException($"ValueDictionary keys must be int, long or string, not {arguments[0].Name}.");
        }
        return (JsonConverter)Activator.CreateInstance(typeof(Converter<,>).MakeGenericType(arguments))!;
    }

    private sealed class Converter<TKey, TValue> : JsonConverter<ValueDictionary<TKey, TValue>>
        where TKey : notnull
    {
        public override ValueDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return default;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected an object for {typeof(ValueDictionary<TKey, TValue>).Name}.");
            }
            var valueInfo = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
            var items = new List<KeyValuePair<TKey, TValue>>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = ParseKey(reader.GetString()!);
                reader.Read();
                items.Add(new(key, JsonSerializer.Deserialize(ref reader, valueInfo)!));
            }
            try
            {
                return ValueDictionary.Create(items);
            }
            catch (ArgumentException e)
            {
                throw new JsonException("Duplicate key in map.", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, ValueDictionary<TKey, TValue> value, JsonSerializerOptions options)
        {
            var valueInfo = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(FormatKey(key));
                JsonSerializer.Serialize(writer, item, valueInfo);
            }
            writer.WriteEndObject();
        }

        private static TKey ParseKey(string text)
        {
            if (typeof(TKey) == typeof(string))
            {
                return (TKey)(object)text;
            }
            return typeof(TKey) == typeof(int) ? (TKey)(object)ParseInteger<int>(text) : (TKey)(object)ParseInteger<long>(text);
        }

        private static TNumber ParseInteger<TNumber>(string text) where TNumber : IBinaryInteger<TNumber> =>
            TNumber.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new JsonException($"Map key '{text}' is not an integer.");

        private static string FormatKey(TKey key) => key switch
        {
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => key.ToString()!,
        };
    }
}
