namespace Spinel.Api.Bootstrap;

/// <summary>What <c>create_cluster</c> needs: the cluster's FQDN and the first admin user.</summary>
public sealed record CreateClusterRequest(string ClusterName, string Username, string Password);
