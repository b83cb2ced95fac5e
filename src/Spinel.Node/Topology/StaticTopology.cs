using System.Text.Json;
using System.Text.Json.Serialization;
using Spinel.Model;
using Spinel.Resp.Slots;

namespace Spinel.Node.Topology;

/// <summary>Builds the fixed topology of a node that runs without a control plane: from a JSON file or one default database.</summary>
public static class StaticTopology
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static TopologySnapshot FromFile(string path)
    {
        var snapshot = JsonSerializer.Deserialize<TopologySnapshot>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"Topology file '{path}' is empty.");
        foreach (var database in snapshot.Databases)
        {
            if (database.Port is < 1 or > 65535)
            {
                throw new InvalidDataException($"Database '{database.Name}' has an invalid port {database.Port}.");
            }
            if (database.ShardKeyRegex.Select(KeyHashing.ProblemWith).FirstOrDefault(p => p is not null) is { } problem)
            {
                throw new InvalidDataException($"A shardKeyRegex rule of database '{database.Name}' {problem}.");
            }
            var covered = database.Masters.Sum(s => s.Slots.Sum(r => r.Count));
            if (covered != SlotRange.SlotCount)
            {
                throw new InvalidDataException($"The master shards of database '{database.Name}' cover {covered} of {SlotRange.SlotCount} slots.");
            }
        }
        return snapshot;
    }

    public static TopologySnapshot SingleDatabase(NodeOptions node, DefaultDatabaseOptions db)
    {
        if (db.Shards is < 1 or > 512)
        {
            throw new InvalidDataException($"DefaultDb:Shards must be within 1-512, not {db.Shards}.");
        }
        var memory = db.MemoryMb * 1024 * 1024;
        var ranges = SlotRange.SplitEvenly(db.Shards);
        var shards = ranges.Select((range, i) => new ShardConfig
        {
            Uid = i + 1,
            BdbUid = 1,
            NodeUid = node.Uid,
            Host = node.Address,
            Port = db.FirstShardPort + i,
            Role = ShardRole.Master,
            Slots = [range],
            MaxMemoryBytes = memory / db.Shards,
            EvictionPolicy = db.EvictionPolicy,
        }).ToList();
        var database = new DatabaseConfig
        {
            Uid = 1,
            Name = db.Name,
            Port = db.Port,
            Password = string.IsNullOrEmpty(db.Password) ? null : db.Password,
            MemorySizeBytes = memory,
            EvictionPolicy = db.EvictionPolicy,
            Shards = shards,
            EndpointNodes = [node.Uid],
        };
        return new TopologySnapshot { Version = 1, Databases = [database] };
    }
}
