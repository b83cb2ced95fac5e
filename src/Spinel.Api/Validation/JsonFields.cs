using System.Globalization;
using System.Text.Json;
using Spinel.Api.Json;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads one field of a request object with its type and range checked. A value of the wrong JSON type is an
/// <c>invalid_schema</c> error, a value out of range an <c>invalid_parameter</c> one; both name the field.
/// </summary>
internal static class JsonFields
{
    public static RequestError? ReadBool(string field, JsonElement value, out bool result)
    {
        result = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : WrongType(field, "a boolean", value);
    }

    public static RequestError? ReadString(string field, JsonElement value, int maxLength, out string result)
    {
        result = "";
        if (value.ValueKind != JsonValueKind.String)
        {
            return WrongType(field, "a string", value);
        }
        result = value.GetString()!;
        return result.Length > maxLength ? RequestError.Parameter($"{field} is longer than {maxLength} characters") : null;
    }

    public static RequestError? ReadInt(string field, JsonElement value, int min, int max, out int result)
    {
        var error = ReadLong(field, value, min, max, out var wide);
        result = (int)wide;
        return error;
    }

    public static RequestError? ReadLong(string field, JsonElement value, long min, long max, out long result)
    {
        result = 0;
        if (value.ValueKind != JsonValueKind.Number)
        {
            return WrongType(field, "an integer", value);
        }
        if (!value.TryGetInt64(out result) || result < min || result > max)
        {
            result = 0;
            return RequestError.Parameter($"{field} must be an integer from {min} to {max}, not {value.GetRawText()}");
        }
        return null;
    }

    public static RequestError? ReadEnum<TEnum>(string field, JsonElement value, out TEnum result)
        where TEnum : struct, Enum
    {
        result = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            return WrongType(field, "a string", value);
        }
        return StoreEnumNames<TEnum>.TryParse(value.GetString()!, out result)
            ? null
            : RequestError.Parameter($"{field} must be one of {StoreEnumNames<TEnum>.AllNames}, not '{value.GetString()}'");
    }

    /// <summary>A positive uid, given as a number or (as Redis Enterprise writes shard uids) a string of digits.</summary>
    public static RequestError? ReadUid(string field, JsonElement value, out int uid)
    {
        uid = 0;
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out var number) ? number : -1,
            JsonValueKind.String => int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1,
            _ => (int?)null,
        };
        if (parsed is not { } candidate)
        {
            return WrongType(field, "a uid (an integer or a string of digits)", value);
        }
        if (candidate < 1)
        {
            return RequestError.Parameter($"{field} must be a positive uid, not {value.GetRawText()}");
        }
        uid = candidate;
        return null;
    }

    /// <summary>An array of uids (see <see cref="ReadUid"/>), duplicates dropped, in the order given.</summary>
    public static RequestError? ReadUids(string field, JsonElement value, out IReadOnlyList<int> uids)
    {
        uids = [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            return WrongType(field, "an array of uids", value);
        }
        var read = new List<int>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (ReadUid($"{field}[{index++}]", item, out var uid) is { } error)
            {
                return error;
            }
            if (!read.Contains(uid))
            {
                read.Add(uid);
            }
        }
        uids = read;
        return null;
    }

    public static RequestError UnknownField(string field) => RequestError.Schema($"unknown field '{field}'");

    public static RequestError ReadOnlyField(string field) => RequestError.Schema($"{field} is read-only");

    public static RequestError WrongType(string field, string expected, JsonElement value) =>
        RequestError.Schema($"{field} must be {expected}, not {JsonBody.Describe(value.ValueKind)}");
}
