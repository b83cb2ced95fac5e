namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Creates (uid 0 assigns the next uid) or replaces shards of one database, all at once; bumps the database version.</summary>
public sealed record PutShards : ClusterCommand
{
    public required int BdbUid { get; init; }

    public required ValueList<ShardRecord> Shards { get; init; }

    /// <summary>When set, the command is rejected unless the database's version equals it.</summary>
    public long? ExpectedBdbVersion { get; init; }
}
