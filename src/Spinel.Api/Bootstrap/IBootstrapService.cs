using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Bootstrap;

/// <summary>
/// Turns a fresh node into a cluster member, as <c>/v1/bootstrap</c> asks: creates a cluster, joins one, or recovers one from a saved configuration. Both run in
/// the background; <see cref="Status"/> tells how far they got. Implemented by the node, which owns the store.
/// </summary>
public interface IBootstrapService
{
    BootstrapStatus Status { get; }

    /// <summary>Starts creating a cluster; an error when the node is not <c>idle</c> or <c>error</c>.</summary>
    OperationError? StartCreateCluster(CreateClusterRequest request);

    /// <summary>Starts joining the cluster that one of <see cref="JoinClusterRequest.Nodes"/> belongs to; an error when the node is not <c>idle</c> or <c>error</c>.</summary>
    OperationError? StartJoinCluster(JoinClusterRequest request);

    /// <summary>Starts rebuilding a cluster, with this node as its only member, from a saved cluster store file.</summary>
    OperationError? StartRecoverCluster(RecoverClusterRequest request);
}
