using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the query of <c>GET /v1/logs</c>: <c>stime</c> and <c>etime</c> (ISO 8601; without an offset, UTC),
/// <c>order</c> (<c>asc</c>, the default, or <c>desc</c>), <c>limit</c> (a positive integer) and <c>offset</c> (0 or
/// more). A bad value, or <c>stime</c> after <c>etime</c>, is 406 <c>invalid_parameter</c>.
/// </summary>
internal static class LogQueryReader
{
    public static RequestError? Read(IQueryCollection query, out LogQuery result)
    {
        result = LogQuery.All;
        if (ReadTime(query, "stime", out var start) is { } startError)
        {
            return startError;
        }
        if (ReadTime(query, "etime", out var end) is { } endError)
        {
            return endError;
        }
        if (start > end)
        {
            return RequestError.Parameter($"stime ({query["stime"]}) is after etime ({query["etime"]})");
        }
        var descending = false;
        if (query.TryGetValue("order", out var order))
        {
            switch (Single(order))
            {
                case "asc":
                    break;
                case "desc":
                    descending = true;
                    break;
                default:
                    return RequestError.Parameter($"order must be asc or desc, not '{order}'");
            }
        }
        if (ReadCount(query, "limit", minimum: 1, out var limit) is { } limitError)
        {
            return limitError;
        }
        if (ReadCount(query, "offset", minimum: 0, out var offset) is { } offsetError)
        {
            return offsetError;
        }
        result = new LogQuery(start, end, descending, limit, offset ?? 0);
        return null;
    }

    private static RequestError? ReadTime(IQueryCollection query, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        if (Single(values) is not { Length: > 0 } text ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return RequestError.Parameter($"{name} must be an ISO 8601 time such as 2024-05-01T10:00:00Z, not '{values}'");
        }
        value = time;
        return null;
    }

    private static RequestError? ReadCount(IQueryCollection query, string name, int minimum, out int? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        if (!int.TryParse(Single(values), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum)
        {
            return RequestError.Parameter(minimum == 0
                ? $"{name} must be an integer of 0 or more, not '{values}'"
                : $"{name} must be a positive integer, not '{values}'");
        }
        value = number;
        return null;
    }

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] ?? "" : null;
}
