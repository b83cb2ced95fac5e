namespace Spinel.ControlPlane.Operations;

/// <summary>Why an operation failed: a kind for the status code, a Redis Enterprise <c>error_code</c> and a sentence.</summary>
/// <param name="Kind">Decides the HTTP status.</param>
/// <param name="ErrorCode">Redis Enterprise error code, e.g. <c>busy</c>, <c>insufficient_resources</c>, <c>port_unavailable</c>.</param>
/// <param name="Description">A sentence for the error body and logs.</param>
public sealed record OperationError(OperationErrorKind Kind, string ErrorCode, string Description);
