namespace Spinel.ControlPlane.Orchestration;

/// <summary>Names of the orchestrator's state machines, as Redis Enterprise names them in <c>/v1/actions</c>.</summary>
public static class ActionNames
{
    public const string CreateBdb = "SMCreateBDB";
    public const string UpdateBdb = "SMUpdateBDB";
    public const string DeleteBdb = "SMDeleteBDB";
    public const string Failover = "SMFailover";
    public const string MigrateShards = "SMMigrateShards";
    public const string RemoveNode = "SMRemoveNode";
    public const string ReshardBdb = "SMReshardBDB";
    public const string ExportBdb = "SMExportBDB";
    public const string ImportBdb = "SMImportBDB";
    public const string BackupBdb = "SMBackupBDB";

    /// <summary>The object name of a database's actions, e.g. <c>bdb:3</c>.</summary>
    public static string BdbObject(int bdbUid) => $"bdb:{bdbUid}";

    /// <summary>The object name of a node's actions, e.g. <c>node:2</c>.</summary>
    public static string NodeObject(int nodeUid) => $"node:{nodeUid}";
}
