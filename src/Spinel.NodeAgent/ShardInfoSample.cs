using System.Globalization;

namespace Spinel.NodeAgent;

/// <summary>
/// The figures of one shard's <c>INFO</c> that metrics and stats report, read by the node agent's health check (no second
/// poller); immutable. Counters (<see cref="EvictedKeys"/>, <see cref="KeyspaceHits"/> ...) are cumulative since the
/// process started.
/// </summary>
public sealed record ShardInfoSample
{
    public long UsedMemory { get; init; }

    public long MaxMemory { get; init; }

    /// <summary>Keys in db0 (<c>keys=</c> of the <c>db0</c> line of the keyspace section).</summary>
    public long DbKeys { get; init; }

    /// <summary>Keys in db0 that have a time to live.</summary>
    public long DbExpires { get; init; }

    public long ConnectedClients { get; init; }

    public long EvictedKeys { get; init; }

    public long ExpiredKeys { get; init; }

    public long InstantaneousOpsPerSec { get; init; }

    public long KeyspaceHits { get; init; }

    public long KeyspaceMisses { get; init; }

    public long TotalCommandsProcessed { get; init; }

    public long TotalNetInputBytes { get; init; }

    public long TotalNetOutputBytes { get; init; }

    /// <summary>Reads the <c>field:value</c> lines of an <c>INFO</c> reply; fields it lacks stay 0.</summary>
    public static ShardInfoSample Parse(string? info)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (info ?? "").Split('\n', StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon]] = line[(colon + 1)..];
            }
        }
        var (keys, expires) = ReadKeyspace(fields.GetValueOrDefault("db0"));
        return new ShardInfoSample
        {
            UsedMemory = Read(fields, "used_memory"),
            MaxMemory = Read(fields, "maxmemory"),
            DbKeys = keys,
            DbExpires = expires,
            ConnectedClients = Read(fields, "connected_clients"),
            EvictedKeys = Read(fields, "evicted_keys"),
            ExpiredKeys = Read(fields, "expired_keys"),
            InstantaneousOpsPerSec = Read(fields, "instantaneous_ops_per_sec"),
            KeyspaceHits = Read(fields, "keyspace_hits"),
            KeyspaceMisses = Read(fields, "keyspace_misses"),
            TotalCommandsProcessed = Read(fields, "total_commands_processed"),
            TotalNetInputBytes = Read(fields, "total_net_input_bytes"),
            TotalNetOutputBytes = Read(fields, "total_net_output_bytes"),
        };
    }

    // "keys=12,expires=0,avg_ttl=0"
    private static (long Keys, long Expires) ReadKeyspace(string? line)
    {
        long keys = 0, expires = 0;
        foreach (var part in (line ?? "").Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && long.TryParse(part.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                switch (part[..equals])
                {
                    case "keys": keys = value; break;
                    case "expires": expires = value; break;
                }
            }
        }
        return (keys, expires);
    }

    private static long Read(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;
}
