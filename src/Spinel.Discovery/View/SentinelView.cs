using System.Security.Cryptography;
using System.Text;
using Spinel.Model;

namespace Spinel.Discovery.View;

/// <summary>
/// What this node's discovery service answers at one topology version: the proxy endpoint of every service name and
/// the other nodes' discovery services. Built from a <see cref="TopologySnapshot"/> alone; immutable.
/// </summary>
internal sealed class SentinelView
{
    public const string InternalSuffix = "@internal";

    private readonly Dictionary<string, MasterEntry> _byName;

    private SentinelView(long version, string myId, List<MasterEntry> masters, List<SentinelPeer> peers)
    {
        Version = version;
        MyId = myId;
        Masters = masters;
        Peers = peers;
        _byName = new Dictionary<string, MasterEntry>(StringComparer.Ordinal);
        foreach (var master in masters)
        {
            // Names are unique in a cluster; if two databases ever shared one, the older (lower uid) keeps it.
            _byName.TryAdd(master.Name, master);
        }
    }

    public long Version { get; }

    /// <summary>This node's sentinel id (40 hex digits, stable for the node), as SENTINEL MYID and INFO answer.</summary>
    public string MyId { get; }

    /// <summary>Every service name, by database uid, each database's name before its <c>@internal</c> name.</summary>
    public IReadOnlyList<MasterEntry> Masters { get; }

    /// <summary>The discovery services of the other active nodes, by node uid.</summary>
    public IReadOnlyList<SentinelPeer> Peers { get; }

    /// <summary>The entry of a service name (case-sensitive, as Sentinel's master names are); null when unknown.</summary>
    public MasterEntry? Find(string name) => _byName.GetValueOrDefault(name);

    public static SentinelView Build(TopologySnapshot snapshot, int nodeUid, int sentinelPort)
    {
        var masters = new List<MasterEntry>();
        foreach (var database in snapshot.Databases.OrderBy(d => d.Uid))
        {
            if (EndpointNode(snapshot, database, nodeUid) is not { } node)
            {
                continue;
            }
            var runId = RunId($"endpoint/{snapshot.ClusterName}/{database.Uid}/{node.Address}:{database.Port}");
            masters.Add(new MasterEntry(database.Name, database.Uid, node.Address, database.Port, runId));
            masters.Add(new MasterEntry(database.Name + InternalSuffix, database.Uid, node.Address, database.Port, runId));
        }
        var peers = snapshot.Nodes
            .Where(n => n.Uid != nodeUid && n.Active)
            .OrderBy(n => n.Uid)
            .Select(n => new SentinelPeer(n.Uid, n.Address, sentinelPort, SentinelId(snapshot, n.Uid)))
            .ToList();
        return new SentinelView(snapshot.Version, SentinelId(snapshot, nodeUid), masters, peers);
    }

    /// <summary>The service names whose endpoint address differs between <paramref name="previous"/> and <paramref name="next"/>.</summary>
    public static IEnumerable<(MasterEntry Old, MasterEntry New)> Moves(SentinelView previous, SentinelView next)
    {
        foreach (var entry in next.Masters)
        {
            if (previous.Find(entry.Name) is { } old && (old.Ip != entry.Ip || old.Port != entry.Port))
            {
                yield return (old, entry);
            }
        }
    }

    /// <summary>
    /// The node whose proxy clients should use: this node when it binds the endpoint and is up, else the lowest-uid
    /// active node that binds it; while every such node is down (the cluster has not moved the endpoint yet), the
    /// lowest-uid one, as Sentinel keeps answering the last master it knows. Null when no node binds it.
    /// </summary>
    private static NodeConfig? EndpointNode(TopologySnapshot snapshot, DatabaseConfig database, int nodeUid)
    {
        NodeConfig? firstActive = null, first = null;
        foreach (var uid in database.EndpointNodes.Order())
        {
            if (snapshot.Node(uid) is not { } node)
            {
                continue;
            }
            if (node.Uid == nodeUid && node.Active)
            {
                return node;
            }
            first ??= node;
            if (node.Active)
            {
                firstActive ??= node;
            }
        }
        return firstActive ?? first;
    }

    private static string SentinelId(TopologySnapshot snapshot, int nodeUid) => RunId($"sentinel/{snapshot.ClusterName}/{nodeUid}");

    // Sentinel run ids are 40 hex digits; ours are derived from what they name so that every node agrees on them.
    private static string RunId(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..40];
}
