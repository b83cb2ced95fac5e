namespace Spinel.Cli.Tests.Infrastructure;

/// <summary>An answer of the fake REST server.</summary>
public sealed record CannedResponse(int Status, string Body, string ContentType = "application/json")
{
    /// <summary>How long the server waits before answering.</summary>
    public TimeSpan Delay { get; init; }

    public static CannedResponse Ok(string json) => new(200, json);

    /// <summary>A Redis Enterprise error: <c>{"error_code": ..., "description": ...}</c>.</summary>
    public static CannedResponse Error(int status, string errorCode, string description) =>
        new(status, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["error_code"] = errorCode, ["description"] = description }));

    public static CannedResponse Empty(int status = 200) => new(status, "");
}
