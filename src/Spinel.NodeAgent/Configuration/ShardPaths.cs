namespace Spinel.NodeAgent.Configuration;

/// <summary>Files of one shard under <c>&lt;DataDir&gt;/shards/&lt;shardUid&gt;/</c>.</summary>
internal sealed record ShardPaths(string Directory)
{
    public const string ShardsFolder = "shards";

    public string ConfigFile => Path.Combine(Directory, "redis.conf");

    public string PidFile => Path.Combine(Directory, "redis.pid");

    public string LogFile => Path.Combine(Directory, "redis.log");

    /// <summary>Written once the process first answered, holding the generation it ran with: the shard has run before.</summary>
    public string LaunchedMarker => Path.Combine(Directory, "launched");

    public static ShardPaths For(string dataDir, int shardUid) =>
        new(Path.Combine(Path.GetFullPath(dataDir), ShardsFolder, shardUid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
