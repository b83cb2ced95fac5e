namespace Spinel.Api.Bootstrap;

/// <summary>What <c>join_cluster</c> needs: addresses of members to ask, and an admin's credentials for them.</summary>
public sealed record JoinClusterRequest(IReadOnlyList<string> Nodes, string Username, string Password);
