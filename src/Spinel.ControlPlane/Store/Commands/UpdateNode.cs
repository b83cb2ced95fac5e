namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Replaces an existing node record (status, limits, rack ...).</summary>
public sealed record UpdateNode : ClusterCommand
{
    public required NodeRecord Node { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
