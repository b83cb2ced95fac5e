namespace Spinel.ControlPlane.Store;

/// <summary>
/// A persisted state machine of the orchestrator (Redis Enterprise state-machine action, e.g. <c>SMCreateBDB</c>):
/// a new leader resumes it from <see cref="State"/> and <see cref="Data"/>.
/// </summary>
public sealed record ActionRecord
{
    /// <summary>Unique id chosen by the proposer (a GUID string).</summary>
    public required string ActionUid { get; init; }

    /// <summary>Kind of action, e.g. <c>SMCreateBDB</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The object acted on, e.g. <c>bdb:1</c>.</summary>
    public required string ObjectName { get; init; }

    /// <summary>Current step of the state machine, e.g. <c>proxy_policy</c>.</summary>
    public string State { get; init; } = "";

    public ActionStatus Status { get; init; } = ActionStatus.Pending;

    /// <summary>Progress from 0 to 100.</summary>
    public double Progress { get; init; }

    /// <summary>Why the action failed; null unless <see cref="Status"/> is failed.</summary>
    public string? Error { get; init; }

    /// <summary>Step data the action needs to resume (placement decisions, allocated uids ...).</summary>
    public ValueDictionary<string, string> Data { get; init; }

    /// <summary>When the action was created, as the proposer's clock read it.</summary>
    public DateTimeOffset CreationTime { get; init; }

    /// <summary>Revision of this record, set by the store: 1 when created, +1 on every change.</summary>
    public long Version { get; init; }
}
