using System.Text.Json.Serialization;

namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise state-machine object (an orchestrator action).</summary>
internal sealed record StateMachineDto
{
    public string ActionUid { get; init; } = "";
    public string ObjectName { get; init; } = "";
    public string Name { get; init; } = "";
    public string State { get; init; } = "";
    public string Status { get; init; } = "";
    public double Progress { get; init; }

    /// <summary>Only when the status is <c>failed</c>.</summary>
    public string? Error { get; init; }

    public string? CreationTime { get; init; }
}

/// <summary>The answer of <c>GET /v1/actions</c>: tasks (none yet) and state machines.</summary>
internal sealed record ActionListDto
{
    public IReadOnlyList<StateMachineDto> Actions { get; init; } = [];

    [JsonPropertyName("state-machines")]
    public IReadOnlyList<StateMachineDto> StateMachines { get; init; } = [];
}
