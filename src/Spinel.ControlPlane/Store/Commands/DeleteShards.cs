namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Deletes shards of one database, all at once; bumps the database version.</summary>
public sealed record DeleteShards : ClusterCommand
{
    public required int BdbUid { get; init; }

    public required ValueList<int> ShardUids { get; init; }

    /// <summary>When set, the command is rejected unless the database's version equals it.</summary>
    public long? ExpectedBdbVersion { get; init; }
}
