namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Deletes a database together with its shards and endpoints.</summary>
public sealed record DeleteBdb : ClusterCommand
{
    public required int Uid { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
