namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates or replaces an action (a persisted orchestrator state machine).</summary>
public sealed record PutAction : ClusterCommand
{
    public required ActionRecord Action { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
