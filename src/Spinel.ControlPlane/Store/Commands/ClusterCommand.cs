using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store.Commands;

/// <summary>
/// A change to the cluster configuration, replicated through the Raft log and applied by
/// <see cref="ClusterStateMachine.Apply(ClusterState, ClusterCommand)"/> on every node. The set is closed: every
/// command is listed here with the discriminator it is stored under.
/// </summary>
// Discriminators are persisted in the Raft log and snapshots: never change one, and add new properties as optional.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(CreateCluster), "create_cluster")]
[JsonDerivedType(typeof(AddNode), "add_node")]
[JsonDerivedType(typeof(UpdateNode), "update_node")]
[JsonDerivedType(typeof(RemoveNode), "remove_node")]
[JsonDerivedType(typeof(PutBdb), "put_bdb")]
[JsonDerivedType(typeof(DeleteBdb), "delete_bdb")]
[JsonDerivedType(typeof(PutShards), "put_shards")]
[JsonDerivedType(typeof(DeleteShards), "delete_shards")]
[JsonDerivedType(typeof(PutEndpoint), "put_endpoint")]
[JsonDerivedType(typeof(DeleteEndpoint), "delete_endpoint")]
[JsonDerivedType(typeof(PutAction), "put_action")]
[JsonDerivedType(typeof(DeleteAction), "delete_action")]
[JsonDerivedType(typeof(PutUser), "put_user")]
[JsonDerivedType(typeof(DeleteUser), "delete_user")]
[JsonDerivedType(typeof(Batch), "batch")]
[JsonDerivedType(typeof(UpdateCluster), "update_cluster")]
[JsonDerivedType(typeof(AppendEvents), "append_events")]
[JsonDerivedType(typeof(RecoverCluster), "recover_cluster")]
[JsonDerivedType(typeof(PutRedisAcl), "put_redis_acl")]
[JsonDerivedType(typeof(DeleteRedisAcl), "delete_redis_acl")]
[JsonDerivedType(typeof(PutRole), "put_role")]
[JsonDerivedType(typeof(DeleteRole), "delete_role")]
[JsonDerivedType(typeof(UpdateCertificate), "update_certificate")]
public abstract record ClusterCommand
{
    private protected ClusterCommand()
    {
    }

    /// <summary>
    /// When set, the command is rejected unless <see cref="ClusterState.Version"/> equals it (Redis Enterprise's
    /// cluster-state-id): a proposer that decided on a snapshot of the whole state can insist nothing changed since.
    /// </summary>
    public long? ExpectedClusterVersion { get; init; }
}
