using System.Globalization;
using System.Text.Json;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Json;

/// <summary>Maps event records to the Redis Enterprise event object.</summary>
internal static class EventJson
{
    public static EventDto ToDto(EventRecord record) => new()
    {
        Uid = record.Uid,
        Time = ApiTime.Format(record.Time),
        Type = record.Type,
        Severity = StoreEnumNames<EventSeverity>.Name(record.Severity),
        Description = record.Description,
        BdbUid = record.BdbUid,
        NodeUid = record.NodeUid,
        ShardUid = record.ShardUid,
        ActionUid = record.ActionUid,
        Extra = Extra(record),
    };

    // Uids are numbers everywhere else in the API, so they are numbers here too.
    private static Dictionary<string, JsonElement>? Extra(EventRecord record)
    {
        if (record.Data.Count == 0)
        {
            return null;
        }
        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in record.Data)
        {
            extra[key] = key.EndsWith("_uid", StringComparison.Ordinal) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                ? JsonSerializer.SerializeToElement(uid, ApiJsonContext.Default.Int32)
                : JsonSerializer.SerializeToElement(value, ApiJsonContext.Default.String);
        }
        return extra;
    }
}
