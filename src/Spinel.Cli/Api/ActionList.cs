using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>The answer of <c>GET /v1/actions</c>: running tasks and state machines.</summary>
internal sealed record ActionList
{
    [JsonPropertyName("actions")]
    public IReadOnlyList<ActionInfo>? Actions { get; init; }

    [JsonPropertyName("state-machines")]
    public IReadOnlyList<ActionInfo>? StateMachines { get; init; }
}
