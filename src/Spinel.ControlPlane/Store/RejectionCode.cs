namespace Spinel.ControlPlane.Store;

/// <summary>Why <see cref="ClusterStateMachine"/> rejected a command.</summary>
public enum RejectionCode
{
    /// <summary>An expected version (of the cluster, a record or a database) did not match.</summary>
    VersionConflict,

    /// <summary>The command needs a created cluster, and there is none yet.</summary>
    ClusterNotCreated,

    /// <summary>The object, or another one with the same unique name, address or port, already exists.</summary>
    AlreadyExists,

    /// <summary>An object the command names does not exist.</summary>
    NotFound,

    /// <summary>The object is still referenced (shards on a node, the last admin ...) or the port is taken.</summary>
    InUse,

    /// <summary>The command is inconsistent in itself (empty name, a shard of another database ...).</summary>
    Invalid,

    /// <summary>The log entry could not be decoded as a command.</summary>
    Malformed,
}
