using System.Security.Cryptography;
using System.Text;
using Spinel.Model;

namespace Spinel.Proxy.Routing;

/// <summary>
/// What the OSS Cluster API advertises for one routing table: each master's slots belong to the proxy on the master's
/// node when that node binds the endpoint, else to the bound node with the lowest uid (which forwards them), so a
/// client is never sent to a node without a listener. Every proxy computes the same layout from the same topology.
/// </summary>
internal sealed class ClusterLayout
{
    private readonly ClusterProxy?[] _byRoute;

    private ClusterLayout(IReadOnlyList<ClusterProxy> proxies, ClusterProxy myself, ClusterProxy?[] byRoute,
        IReadOnlyList<ShardRoute> localMasters, long epoch)
    {
        Proxies = proxies;
        Myself = myself;
        _byRoute = byRoute;
        LocalMasters = localMasters;
        Epoch = epoch;
    }

    /// <summary>Every proxy of the endpoint, by node uid; those without slots included.</summary>
    public IReadOnlyList<ClusterProxy> Proxies { get; }

    public ClusterProxy Myself { get; }

    /// <summary>The masters whose slots this proxy serves itself, in slot order: the shards of DBSIZE, KEYS and SCAN.</summary>
    public IReadOnlyList<ShardRoute> LocalMasters { get; }

    /// <summary>Config epoch of every node: the topology version, which grows with every change of the layout.</summary>
    public long Epoch { get; }

    /// <summary>The proxy that serves <paramref name="route"/>'s slots.</summary>
    public ClusterProxy? For(ShardRoute route) => _byRoute[route.Index];

    public bool IsLocal(ShardRoute route) => ReferenceEquals(_byRoute[route.Index], Myself);

    /// <summary>Every slot range with its proxy, in slot order, adjacent ranges of one proxy joined.</summary>
    public IEnumerable<(SlotRange Range, ClusterProxy Proxy)> SlotRanges() =>
        Proxies.SelectMany(p => p.Slots.Select(r => (Range: r, Proxy: p))).OrderBy(e => e.Range.Start);

    public static ClusterLayout Build(DatabaseConfig database, IReadOnlyList<ShardRoute> masters, IReadOnlyList<NodeConfig> nodes,
        int myNodeUid, string myAddress, long epoch)
    {
        string? AddressOf(int uid) => uid == myNodeUid ? myAddress : nodes.FirstOrDefault(n => n.Uid == uid)?.Address;
        bool Usable(int uid) => database.EndpointNodes.Contains(uid) && nodes.FirstOrDefault(n => n.Uid == uid) is not { Active: false } &&
                                AddressOf(uid) is not null;

        var bound = database.EndpointNodes.Where(Usable).Order().ToList();
        if (!bound.Contains(myNodeUid))
        {
            bound.Add(myNodeUid);
            bound.Sort();
        }
        var fallback = bound[0];
        var owner = new int[masters.Count];
        var slotsByNode = bound.ToDictionary(uid => uid, _ => new List<SlotRange>());
        for (var i = 0; i < masters.Count; i++)
        {
            var shard = masters[i].Shard;
            owner[i] = Usable(shard.NodeUid) ? shard.NodeUid : fallback;
            slotsByNode[owner[i]].AddRange(shard.Slots);
        }
        var proxies = bound.Select(uid => new ClusterProxy(uid, AddressOf(uid)!, database.Port, NodeId(database.Uid, uid),
            Join(slotsByNode[uid]), uid == myNodeUid)).ToList();
        var byUid = proxies.ToDictionary(p => p.NodeUid);
        var byRoute = new ClusterProxy?[masters.Count];
        var local = new List<ShardRoute>();
        for (var i = 0; i < masters.Count; i++)
        {
            byRoute[masters[i].Index] = byUid[owner[i]];
            if (owner[i] == myNodeUid)
            {
                local.Add(masters[i]);
            }
        }
        return new ClusterLayout(proxies, byUid[myNodeUid], byRoute, local, epoch);
    }

    /// <summary>A Redis Cluster node id (40 hex characters) that every proxy derives alike for a database and node.</summary>
    public static string NodeId(int bdbUid, int nodeUid) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"spinel-proxy:{bdbUid}:{nodeUid}")).AsSpan(0, 20));

    private static List<SlotRange> Join(List<SlotRange> ranges)
    {
        var joined = new List<SlotRange>();
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (joined.Count > 0 && joined[^1].End + 1 >= range.Start)
            {
                joined[^1] = new SlotRange(joined[^1].Start, Math.Max(joined[^1].End, range.End));
            }
            else
            {
                joined.Add(range);
            }
        }
        return joined;
    }
}

/// <summary>One proxy of an endpoint as the OSS Cluster API shows it: a Redis Cluster master node.</summary>
internal sealed record ClusterProxy(int NodeUid, string Address, int Port, string Id, IReadOnlyList<SlotRange> Slots, bool IsMyself)
{
    public int SlotCount => Slots.Sum(r => r.Count);
}
