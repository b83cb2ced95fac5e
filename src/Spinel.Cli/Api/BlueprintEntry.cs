using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>One master/replica group of a rebalance blueprint (<c>PUT /v1/bdbs/{uid}/actions/rebalance?dry_run=true</c>).</summary>
internal sealed record BlueprintEntry
{
    [JsonPropertyName("slot_range")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? SlotRange { get; init; }

    /// <summary>The master's node first, then its replicas'.</summary>
    [JsonPropertyName("nodes")]
    public IReadOnlyList<BlueprintNode>? Nodes { get; init; }
}
