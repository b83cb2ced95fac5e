namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise error body: <c>{"error_code": ..., "description": ...}</c>.</summary>
internal sealed record ErrorBody(string ErrorCode, string Description);
