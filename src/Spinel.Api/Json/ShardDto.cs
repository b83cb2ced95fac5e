namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>shard</c> object as this API writes it; uids are strings there, bdb_uid a number.</summary>
internal sealed record ShardDto
{
    public string Uid { get; init; } = "";
    public int BdbUid { get; init; }
    public string NodeUid { get; init; } = "";
    public string Role { get; init; } = "";
    public string AssignedSlots { get; init; } = "";
    public string Status { get; init; } = "";
    public string DetailedStatus { get; init; } = "ok";
}
