namespace Spinel.Api.Bootstrap;

/// <summary>
/// What <c>recover_cluster</c> needs: the cluster store file to rebuild from, the saved node this node becomes (null:
/// the one with this node's address), and the credentials of an admin of the saved cluster.
/// </summary>
public sealed record RecoverClusterRequest(string RecoveryFile, int? NodeUid, string Username, string Password);
