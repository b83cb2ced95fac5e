namespace Spinel.ControlPlane.Operations;

/// <summary>The result of an operation: a value (and the action that carries on with it) or an error.</summary>
public sealed record OperationOutcome<T>
{
    public T? Value { get; init; }

    public OperationError? Error { get; init; }

    /// <summary>The <c>action_uid</c> of the state machine started by the operation; null when none was.</summary>
    public string? ActionUid { get; init; }

    public bool Succeeded => Error is null;
}

/// <summary>Builds <see cref="OperationOutcome{T}"/> values.</summary>
public static class OperationOutcome
{
    public static OperationOutcome<T> Ok<T>(T value, string? actionUid = null) => new() { Value = value, ActionUid = actionUid };

    public static OperationOutcome<T> Fail<T>(OperationError error) => new() { Error = error };

    public static OperationOutcome<T> Fail<T>(OperationErrorKind kind, string errorCode, string description) =>
        new() { Error = new OperationError(kind, errorCode, description) };
}
