using Microsoft.AspNetCore.Http;
using Spinel.Api.Http;

namespace Spinel.Api.Validation;

/// <summary>Why a request body was refused: the status, the Redis Enterprise error code and a sentence that names the field.</summary>
internal sealed record RequestError(int StatusCode, string ErrorCode, string Description)
{
    /// <summary>406 <c>invalid_schema</c>: an unknown or read-only field, or a value of the wrong JSON type.</summary>
    public static RequestError Schema(string description) => new(StatusCodes.Status406NotAcceptable, ErrorCodes.InvalidSchema, description);

    /// <summary>406 <c>invalid_parameter</c>: a value of the right type that is not allowed.</summary>
    public static RequestError Parameter(string description) => new(StatusCodes.Status406NotAcceptable, ErrorCodes.InvalidParameter, description);

    public static RequestError NotAcceptable(string errorCode, string description) => new(StatusCodes.Status406NotAcceptable, errorCode, description);

    /// <summary>404: Redis Enterprise's answer when a required uid (<c>shard_uids</c>, <c>target_node_uid</c>) is missing.</summary>
    public static RequestError NotFound(string errorCode, string description) => new(StatusCodes.Status404NotFound, errorCode, description);

    public static RequestError BadRequest(string errorCode, string description) => new(StatusCodes.Status400BadRequest, errorCode, description);

    public IResult ToResult() => ApiResults.Error(StatusCode, ErrorCode, Description);
}
