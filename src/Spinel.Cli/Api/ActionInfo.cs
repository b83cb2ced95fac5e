using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>A Redis Enterprise action: a task or a state machine (<c>GET /v1/actions/{uid}</c>); fields of both kinds.</summary>
internal sealed record ActionInfo
{
    [JsonPropertyName("action_uid")]
    public string? ActionUid { get; init; }

    /// <summary>e.g. <c>SMCreateBDB</c> or <c>retry_bdb</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The object a state machine acts on, e.g. <c>bdb:1</c>.</summary>
    [JsonPropertyName("object_name")]
    public string? ObjectName { get; init; }

    [JsonPropertyName("node_uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NodeUid { get; init; }

    /// <summary>Current step of a state machine.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>pending, active, completed or failed (state machines); queued, starting, running, completed, cancelled, aborted or failed (tasks).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>0 to 100.</summary>
    [JsonPropertyName("progress")]
    public double? Progress { get; init; }

    [JsonPropertyName("error")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Error { get; init; }

    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }
}
