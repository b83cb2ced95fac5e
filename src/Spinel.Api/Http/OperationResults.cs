using Microsoft.AspNetCore.Http;
using Spinel.Api.Forwarding;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Http;

/// <summary>Maps failed operations and proposals to Redis Enterprise status codes and error bodies.</summary>
internal static class OperationResults
{
    /// <summary><see cref="OperationErrorKind.NotLeader"/> is not an error to the client: the request goes to the leader.</summary>
    public static IResult ToResult(OperationError error) => error.Kind switch
    {
        OperationErrorKind.NotLeader => ForwardToLeaderResult.Instance,
        _ => ApiResults.Error(StatusOf(error.Kind), error.ErrorCode, error.Description),
    };

    public static int StatusOf(OperationErrorKind kind) => kind switch
    {
        OperationErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        OperationErrorKind.NotFound => StatusCodes.Status404NotFound,
        OperationErrorKind.InvalidConfiguration => StatusCodes.Status406NotAcceptable,
        OperationErrorKind.Busy or OperationErrorKind.Conflict => StatusCodes.Status409Conflict,
        OperationErrorKind.Unavailable or OperationErrorKind.NotLeader => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The answer for a proposal that did not apply; null when it did.</summary>
    /// <param name="alreadyExistsCode">The error code for <see cref="RejectionCode.AlreadyExists"/> (409).</param>
    /// <param name="inUseCode">The error code for <see cref="RejectionCode.InUse"/>.</param>
    /// <param name="inUseStatus">The status for <see cref="RejectionCode.InUse"/>: 406 by default, 409 for an object still referenced.</param>
    public static IResult? ToResult(ProposeResult result, string alreadyExistsCode, string inUseCode, int inUseStatus = StatusCodes.Status406NotAcceptable) => result.Status switch
    {
        ProposeStatus.Applied => null,
        ProposeStatus.NotLeader => ForwardToLeaderResult.Instance,
        ProposeStatus.NoQuorum => ApiResults.NoQuorum($"the cluster has no quorum: {result.Description}"),
        ProposeStatus.Unknown => ApiResults.NoQuorum($"the change was not confirmed in time and may still apply: {result.Description}"),
        _ => Rejected(result.Rejection, alreadyExistsCode, inUseCode, inUseStatus),
    };

    private static ApiJsonResult Rejected(CommandRejection? rejection, string alreadyExistsCode, string inUseCode, int inUseStatus)
    {
        var message = rejection?.Message ?? "the change was rejected";
        return rejection?.Code switch
        {
            RejectionCode.VersionConflict => ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.Busy, $"the object changed meanwhile ({message}); retry"),
            RejectionCode.AlreadyExists => ApiResults.Error(StatusCodes.Status409Conflict, alreadyExistsCode, message),
            RejectionCode.InUse => ApiResults.Error(inUseStatus, inUseCode, message),
            RejectionCode.NotFound => ApiResults.NotFound(ErrorCodes.NotFound, message),
            RejectionCode.Invalid => ApiResults.NotAcceptable(ErrorCodes.InvalidParameter, message),
            RejectionCode.ClusterNotCreated => ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.NodeNotInCluster, message),
            _ => ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, message),
        };
    }
}
