using Spinel.Model;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Routing;

/// <summary>Immutable map from hash slot to master shard for one topology version; replaced whole, never mutated.</summary>
internal sealed class RoutingTable
{
    private readonly ShardRoute?[] _bySlot;

    public RoutingTable(long version, DatabaseConfig database, IReadOnlyList<ShardRoute> masters, Func<RoutingTable, ClusterLayout>? layout = null,
        Auth.EndpointUsers? users = null)
    {
        Version = version;
        Database = database;
        Users = users ?? Auth.EndpointUsers.None;
        Masters = masters;
        Hashing = KeyHashing.FromRules(database.ShardKeyRegex);
        _bySlot = new ShardRoute?[SlotRange.SlotCount];
        foreach (var route in masters)
        {
            foreach (var range in route.Shard.Slots)
            {
                for (var slot = range.Start; slot <= range.End; slot++)
                {
                    _bySlot[slot] = route;
                }
            }
        }
        Cluster = database.OssCluster && layout is not null ? layout(this) : null;
    }

    /// <summary>What the OSS Cluster API advertises; null unless the database has <c>oss_cluster</c>.</summary>
    public ClusterLayout? Cluster { get; }

    public long Version { get; }

    /// <summary>The database's ACL users (besides the default user), compiled.</summary>
    public Auth.EndpointUsers Users { get; }

    public DatabaseConfig Database { get; }

    /// <summary>The database's key hashing: every key-routing and CROSSSLOT decision asks it for a key's slot.</summary>
    public KeyHashing Hashing { get; }

    /// <summary>Master shards ordered by their first slot.</summary>
    public IReadOnlyList<ShardRoute> Masters { get; }

    /// <summary>The master serving the slot, or null when no shard owns it.</summary>
    public ShardRoute? ForSlot(int slot) => _bySlot[slot];

    /// <summary>Whether the routing sends <paramref name="key"/> to <paramref name="shard"/>.</summary>
    public bool Owns(ShardRoute shard, ReadOnlySpan<byte> key) => ReferenceEquals(_bySlot[Hashing.SlotOf(key)], shard);
}
