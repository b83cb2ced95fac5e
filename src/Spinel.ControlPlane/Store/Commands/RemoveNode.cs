namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Removes a node; rejected while a shard runs on it or an endpoint is bound on it.</summary>
public sealed record RemoveNode : ClusterCommand
{
    public required int Uid { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it; 0 means the record must not exist yet.</summary>
    public long? ExpectedVersion { get; init; }
}
