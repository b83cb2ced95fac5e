using System.Globalization;
using Spinel.NodeAgent.Configuration;

namespace Spinel.NodeAgent.Supervision;

/// <summary>
/// The <c>launched</c> file of a shard: proof that its process ran before (so its data is gone once it is not running)
/// and the generation it last ran with. It outlives the node process; only removing the shard deletes it.
/// </summary>
internal static class LaunchMarker
{
    /// <summary>The generation recorded by the last run; null when the shard never ran here.</summary>
    public static long? Read(ShardPaths paths)
    {
        try
        {
            if (!File.Exists(paths.LaunchedMarker))
            {
                return null;
            }
            // An unreadable marker still proves a run; generation 0 then lets only an explicit raise restart it.
            return long.TryParse(File.ReadAllText(paths.LaunchedMarker).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation)
                ? generation
                : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Records a run with <paramref name="generation"/>, through a temporary file so a crash leaves the old one whole.</summary>
    public static void Write(ShardPaths paths, long generation)
    {
        var temporary = paths.LaunchedMarker + ".tmp";
        File.WriteAllText(temporary, generation.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(temporary, paths.LaunchedMarker, overwrite: true);
    }

    public static void Delete(ShardPaths paths) => File.Delete(paths.LaunchedMarker);
}
