namespace Spinel.Api.Json;

/// <summary>Redis Enterprise's answer to an asynchronous action request: <c>{"action_uid": ..., "description": ...}</c>.</summary>
internal sealed record ActionAcceptedDto
{
    /// <summary>The action to follow through <c>GET /v1/actions/{uid}</c>; absent after a dry run or when nothing had to be done.</summary>
    public string? ActionUid { get; init; }

    public string Description { get; init; } = "";
}
