namespace Spinel.Api.Json;

/// <summary>One master/replica group of a rebalance blueprint, as Redis Enterprise's dry run answers it.</summary>
internal sealed record BlueprintEntryDto
{
    /// <summary>The group's slots, e.g. <c>0-8191</c> (ranges joined by commas).</summary>
    public string SlotRange { get; init; } = "";

    /// <summary>The master's node first, then its replicas'.</summary>
    public IReadOnlyList<BlueprintNodeDto> Nodes { get; init; } = [];
}
