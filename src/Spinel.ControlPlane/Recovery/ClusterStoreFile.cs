using System.Text.Json;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Json;

namespace Spinel.ControlPlane.Recovery;

/// <summary>
/// The cluster configuration as one file every node keeps up to date (Redis Enterprise's <c>ccs-redis.rdb</c>): what
/// <c>spinel cluster recover</c> rebuilds a cluster from when a majority of nodes is lost for good. It holds the
/// certificate authority's key and the users' password hashes, so only the node's user may read it.
/// </summary>
public static class ClusterStoreFile
{
    public const string FileName = "cluster-store.json";

    public static string PathIn(string dataDir) => Path.Combine(Path.GetFullPath(dataDir), "ccs", FileName);

    /// <summary>Replaces the file whole (written aside, then renamed), so a crash leaves the old or the new one.</summary>
    public static void Write(string path, ClusterState state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ClusterSnapshot { Format = ClusterSnapshot.CurrentFormat, State = state },
            StoreJsonContext.Default.ClusterSnapshot);
        var temporary = path + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, create))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="InvalidDataException">The file is not a cluster store file this build can read.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ClusterState Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ClusterSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(bytes, StoreJsonReading.ClusterSnapshot);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a cluster store file: {e.Message}", e);
        }
        if (snapshot is null || snapshot.Format != ClusterSnapshot.CurrentFormat)
        {
            throw new InvalidDataException($"{path} has format {snapshot?.Format}; this build reads {ClusterSnapshot.CurrentFormat}");
        }
        return snapshot.State;
    }
}
