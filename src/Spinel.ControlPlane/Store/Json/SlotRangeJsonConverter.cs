using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spinel.Model;

namespace Spinel.ControlPlane.Store.Json;

/// <summary>Writes a <see cref="SlotRange"/> as Redis Enterprise writes assigned slots: <c>"0-5460"</c>, or <c>"7"</c> for one slot.</summary>
public sealed class SlotRangeJsonConverter : JsonConverter<SlotRange>
{
    public override SlotRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A slot range must be a string.");
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            var slot = ParseSlot(text);
            return new SlotRange(slot, slot);
        }
        return new SlotRange(ParseSlot(text[..dash]), ParseSlot(text[(dash + 1)..]));
    }

    public override void Write(Utf8JsonWriter writer, SlotRange value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    private static int ParseSlot(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
            ? slot
            : throw new JsonException($"'{text}' is not a hash slot.");
}
