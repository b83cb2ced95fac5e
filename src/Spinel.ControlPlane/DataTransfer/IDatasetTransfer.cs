using Spinel.Resp.Slots;

namespace Spinel.ControlPlane.DataTransfer;

/// <summary>Moves a database's data between its shards and RDB files: one file per master on export, any files on import.</summary>
public interface IDatasetTransfer
{
    /// <summary>Writes the shard's dataset as an RDB file at <paramref name="file"/> (replaced whole, never half-written); returns its size.</summary>
    Task<long> ExportShardAsync(string host, int port, string file, CancellationToken cancellationToken);

    /// <summary>
    /// Loads every key of the RDB file into the master that <paramref name="masterOf"/> names for its slot (by
    /// <paramref name="hashing"/>), with its TTL, replacing a key of the same name; returns the number of keys.
    /// </summary>
    Task<long> ImportFileAsync(string file, KeyHashing hashing, Func<int, (string Host, int Port)> masterOf, CancellationToken cancellationToken);

    /// <summary>Deletes every key of the shard (an import replaces the database's data).</summary>
    Task FlushAsync(string host, int port, CancellationToken cancellationToken);
}
