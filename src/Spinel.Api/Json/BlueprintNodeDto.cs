namespace Spinel.Api.Json;

/// <summary>Where one shard of a blueprint group runs: <c>{"node_uid": "1", "role": "master"}</c>.</summary>
internal sealed record BlueprintNodeDto
{
    public string NodeUid { get; init; } = "";

    /// <summary><c>master</c> or <c>slave</c>.</summary>
    public string Role { get; init; } = "";
}
