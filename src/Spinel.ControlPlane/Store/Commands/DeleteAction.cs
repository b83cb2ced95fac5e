namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Deletes a finished action record.</summary>
public sealed record DeleteAction : ClusterCommand
{
    public required string ActionUid { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
