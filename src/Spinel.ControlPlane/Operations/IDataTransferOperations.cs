namespace Spinel.ControlPlane.Operations;

/// <summary>Starts exports and imports of a database's data (<c>actions/export</c>, <c>actions/import</c>) and recovers lost shards (<c>actions/recover</c>).</summary>
public interface IDataTransferOperations
{
    /// <summary>Stores an <c>SMExportBDB</c> action writing one RDB file per master into <paramref name="directory"/> (absolute).</summary>
    Task<OperationOutcome<string>> ExportAsync(int bdbUid, string directory, CancellationToken cancellationToken);

    /// <summary>Stores an <c>SMImportBDB</c> action that erases the database and loads <paramref name="files"/> (absolute RDB paths).</summary>
    Task<OperationOutcome<string>> ImportAsync(int bdbUid, IReadOnlyList<string> files, CancellationToken cancellationToken);

    /// <summary>
    /// Places again, on live nodes, every master of the database that has no copy on a live node (see
    /// <see cref="Recovery.DatabaseRecovery"/>); the value describes what moved. Errors: <c>db_not_exist</c>,
    /// <c>db_busy</c>, <c>nothing_to_recover</c>, <c>insufficient_resources</c>.
    /// </summary>
    Task<OperationOutcome<string>> RecoverAsync(int bdbUid, CancellationToken cancellationToken);
}
