namespace Spinel.ControlPlane.Operations;

/// <summary>What went wrong with an operation, in the terms the REST layer maps to status codes.</summary>
public enum OperationErrorKind
{
    /// <summary>The request itself is malformed (400).</summary>
    BadRequest,

    /// <summary>The object does not exist (404).</summary>
    NotFound,

    /// <summary>The configuration asked for is invalid or cannot be satisfied (406).</summary>
    InvalidConfiguration,

    /// <summary>Another action runs on the object, or it changed under the request (409).</summary>
    Busy,

    /// <summary>The object already exists (409).</summary>
    Conflict,

    /// <summary>The cluster has no quorum, or this node is not part of a cluster (503).</summary>
    Unavailable,

    /// <summary>This node is not the leader; the request must be forwarded (the REST layer does it).</summary>
    NotLeader,

    /// <summary>Anything else (500).</summary>
    Internal,
}
