namespace Spinel.Api.Validation;

/// <summary>The query of <c>GET /v1/logs</c>: a time window (both ends included), the order, and a page of it.</summary>
internal sealed record LogQuery(DateTimeOffset? Start, DateTimeOffset? End, bool Descending, int? Limit, int Offset)
{
    public static LogQuery All { get; } = new(null, null, false, null, 0);
}
