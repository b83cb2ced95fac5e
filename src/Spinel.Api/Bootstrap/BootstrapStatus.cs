namespace Spinel.Api.Bootstrap;

/// <summary>Redis Enterprise <c>bootstrap_status</c>.</summary>
/// <param name="State">idle, creating_cluster, joining_cluster, error or completed.</param>
public sealed record BootstrapStatus(string State, DateTimeOffset? StartTime = null, DateTimeOffset? EndTime = null,
    string? ErrorCode = null, string? ErrorDetails = null)
{
    public static BootstrapStatus Idle { get; } = new("idle");

    public bool IsCompleted => State == "completed";
}
