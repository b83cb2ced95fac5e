using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Spinel.Model;

namespace Spinel.Dns;

/// <summary>
/// The cluster zone at one topology version as this node serves it: the apex's SOA and NS records and the addresses of
/// every name in the zone. Built whole from a <see cref="TopologySnapshot"/> and never changed; thread-safe.
/// </summary>
internal sealed class DnsZone
{
    private const int MaxLabelLength = 63;

    private readonly Dictionary<DomainName, IPAddress[]> _addresses;

    private DnsZone(TopologySnapshot source, DomainName? apex, int ttl, SoaRecord? soa, NsRecord[] nameServers, Dictionary<DomainName, IPAddress[]> addresses)
    {
        Source = source;
        Apex = apex;
        Ttl = ttl;
        Soa = soa;
        NameServers = nameServers;
        _addresses = addresses;
    }

    /// <summary>The snapshot the zone was built from.</summary>
    public TopologySnapshot Source { get; }

    /// <summary>The zone's name (the cluster FQDN); null when the node belongs to no cluster or its name is no domain name.</summary>
    public DomainName? Apex { get; }

    public int Ttl { get; }

    /// <summary>The apex's SOA record; null exactly when <see cref="Apex"/> is.</summary>
    public SoaRecord? Soa { get; }

    /// <summary>One NS record per active node, <c>ns&lt;uid&gt;.&lt;zone&gt;</c>, in uid order.</summary>
    public IReadOnlyList<NsRecord> NameServers { get; }

    /// <summary>True when <paramref name="name"/> is the apex or below it.</summary>
    public bool Contains(DomainName name) => Apex is not null && name.IsEqualOrSubDomainOf(Apex);

    /// <summary>The addresses of a name of the zone other than the apex; false when the zone has no such name.</summary>
    public bool TryGetAddresses(DomainName name, out IReadOnlyList<IPAddress> addresses)
    {
        var found = _addresses.TryGetValue(name, out var list);
        addresses = list ?? [];
        return found;
    }

    /// <summary>
    /// Builds the zone of <paramref name="topology"/> for node <paramref name="nodeUid"/>, whose name server is the
    /// SOA's primary. Database names are <c>redis-&lt;port&gt;</c> and the database's name where that is one DNS label;
    /// a name already taken (a name server's, then an endpoint's port name) keeps its first owner.
    /// </summary>
    public static DnsZone Build(TopologySnapshot topology, int nodeUid, int ttl)
    {
        var addresses = new Dictionary<DomainName, IPAddress[]>();
        if (!DomainName.TryParse(topology.ClusterName, out var apex) || apex is null || apex.LabelCount == 0)
        {
            return new DnsZone(topology, null, ttl, null, [], addresses);
        }

        var nodes = topology.Nodes.OrderBy(n => n.Uid).ToList();
        var nameServers = new List<NsRecord>();
        foreach (var node in nodes.Where(n => n.Active))
        {
            var name = NameServerName(apex, node.Uid);
            nameServers.Add(new NsRecord(apex, ttl, name));
            addresses[name] = ParseAddresses([node.Address]);
        }

        // A node the cluster has declared down serves nothing, even before its endpoints are moved off it.
        var endpoints = topology.Databases.OrderBy(d => d.Uid)
            .Select(d => (Database: d, Addresses: ParseAddresses(d.EndpointNodes
                .Select(topology.Node).OfType<NodeConfig>().Where(n => n.Active).Select(n => n.Address))))
            .ToList();
        foreach (var (database, endpointAddresses) in endpoints)
        {
            addresses.TryAdd(Child(apex, "redis-" + database.Port.ToString(CultureInfo.InvariantCulture)), endpointAddresses);
        }
        foreach (var (database, endpointAddresses) in endpoints)
        {
            if (IsHostLabel(database.Name))
            {
                addresses.TryAdd(Child(apex, database.Name), endpointAddresses);
            }
        }

        var self = NameServerName(apex, nodeUid);
        var soa = new SoaRecord(apex, ttl, self, Child(apex, "hostmaster"), unchecked((uint)topology.Version),
            refreshInterval: 60, retryInterval: 30, expireInterval: 3600, negativeCachingTTL: ttl);
        return new DnsZone(topology, apex, ttl, soa, [.. nameServers], addresses);
    }

    private static DomainName NameServerName(DomainName apex, int nodeUid) => Child(apex, "ns" + nodeUid.ToString(CultureInfo.InvariantCulture));

    private static DomainName Child(DomainName apex, string label) => new DomainName([label]) + apex;

    // Only names a resolver can ask for as they are: letters, digits, hyphens and underscores, one label.
    private static bool IsHostLabel(string name) =>
        name.Length is > 0 and <= MaxLabelLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static IPAddress[] ParseAddresses(IEnumerable<string> addresses) =>
        addresses.Select(a => IPAddress.TryParse(a, out var ip) ? ip : null)
            .OfType<IPAddress>()
            .Where(ip => ip.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .Distinct()
            .ToArray();
}
