using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// The pieces of handing a master's slots to another shard, shared by failover and migration: hold the slots in the
/// proxies, wait for the replica to catch up, promote it, wait until it serves as a master, release the slots.
/// </summary>
internal static class Handover
{
    /// <summary>How long a handover waits for a replica to catch up or to report its promotion.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The replica to promote in place of <paramref name="master"/>: on a live, active node, not reported down, its link
    /// up if any candidate has one. Null when none can take over.
    /// </summary>
    public static ShardRecord? PromotionCandidate(ActionContext context, ClusterState state, ShardRecord master) =>
        PromotionCandidate(state, context.Health, context.IsNodeAlive, master);

    public static ShardRecord? PromotionCandidate(ClusterState state, IClusterHealth health, Func<int, bool> isAlive, ShardRecord master) =>
        state.Shards.Values
            .Where(s => s.ReplicaOf == master.Uid && s.Role == ShardRole.Replica)
            .Where(s => state.Nodes.GetValueOrDefault(s.NodeUid)?.Status is NodeStatus.Active or NodeStatus.Decommissioning && isAlive(s.NodeUid))
            .Select(s => (Shard: s, Report: health.GetShard(s.Uid, s.NodeUid)))
            // Only a replica its node reports running: one on a node not heard from since it (re)started may have no
            // process at all, and promoting it would leave the slots on a master that never comes (or comes empty).
            .Where(c => c.Report is { State: ReportedShardState.Running })
            .OrderByDescending(c => c.Report?.MasterLinkUp == true)
            .ThenByDescending(c => c.Report?.ReplicationOffset ?? 0)
            .ThenBy(c => c.Shard.Uid)
            .Select(c => c.Shard)
            .FirstOrDefault();

    /// <summary>
    /// One <see cref="PutShards"/> per database that makes each replica the master of its pair's slots (held while it
    /// takes over), turns the old master into its replica and points the pair's other replicas at it.
    /// </summary>
    public static IEnumerable<ClusterCommand> Promote(ClusterState state, IReadOnlyList<(ShardRecord Master, ShardRecord Replica)> pairs)
    {
        var changed = new Dictionary<int, ShardRecord>();
        foreach (var (master, replica) in pairs)
        {
            changed[replica.Uid] = replica with { Role = ShardRole.Master, ReplicaOf = null, Held = true, AssignedSlots = master.AssignedSlots };
            changed[master.Uid] = master with { Role = ShardRole.Replica, ReplicaOf = replica.Uid, Held = false };
            foreach (var other in state.Shards.Values.Where(s => s.ReplicaOf == master.Uid && s.Uid != replica.Uid))
            {
                changed[other.Uid] = other with { ReplicaOf = replica.Uid };
            }
        }
        return changed.Values.GroupBy(s => s.BdbUid)
            .Select(g => (ClusterCommand)new PutShards { BdbUid = g.Key, Shards = g.OrderBy(s => s.Uid).ToValueList() });
    }

    /// <summary>Sets or clears <see cref="ShardRecord.Held"/> on the shards that still exist; nothing when none changes.</summary>
    public static IEnumerable<ClusterCommand> SetHeld(ClusterState state, IEnumerable<int> shardUids, bool held) =>
        shardUids.Select(uid => state.Shards.GetValueOrDefault(uid))
            .OfType<ShardRecord>()
            .Where(s => s.Held != held)
            .GroupBy(s => s.BdbUid)
            .Select(g => (ClusterCommand)new PutShards { BdbUid = g.Key, Shards = g.Select(s => s with { Held = held }).ToValueList() });

    /// <summary>Whether every live node's data path follows the store at <paramref name="version"/> or later.</summary>
    public static bool NodesCaughtUp(ActionContext context, long version) =>
        context.State.Nodes.Values
            .Where(n => context.IsNodeAlive(n.Uid))
            .All(n => context.Health.GetNode(n.Uid) is { } health && health.Report.TopologyVersion >= version);

    /// <summary>Whether the replica has processed everything its master has, asked of both now.</summary>
    public static async Task<bool> InSyncAsync(ActionContext context, ShardRecord master, ShardRecord replica, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (state.Nodes.GetValueOrDefault(master.NodeUid) is not { } masterNode ||
            state.Nodes.GetValueOrDefault(replica.NodeUid) is not { } replicaNode)
        {
            return false;
        }
        var masterInfo = await context.Probe.GetReplicationAsync(masterNode.Address, master.Port, cancellationToken).ConfigureAwait(false);
        var replicaInfo = await context.Probe.GetReplicationAsync(replicaNode.Address, replica.Port, cancellationToken).ConfigureAwait(false);
        return masterInfo is { Role: ShardRole.Master } && replicaInfo is { Role: ShardRole.Replica, MasterLinkUp: true, SyncInProgress: false } &&
               replicaInfo.Offset >= masterInfo.Offset;
    }

    /// <summary>Whether a replica is attached to its master and done with the initial sync.</summary>
    public static async Task<bool> AttachedAsync(ActionContext context, ShardRecord replica, CancellationToken cancellationToken)
    {
        if (context.State.Nodes.GetValueOrDefault(replica.NodeUid) is not { } node)
        {
            return false;
        }
        var info = await context.Probe.GetReplicationAsync(node.Address, replica.Port, cancellationToken).ConfigureAwait(false);
        return info is { Role: ShardRole.Replica, MasterLinkUp: true, SyncInProgress: false };
    }

    /// <summary>Whether the shard's node reports it running in <paramref name="role"/>.</summary>
    public static bool ReportsRole(ActionContext context, int shardUid, ShardRole role) =>
        context.State.Shards.GetValueOrDefault(shardUid) is { } shard &&
        context.Health.GetShard(shardUid, shard.NodeUid) is { State: ReportedShardState.Running } report &&
        report.Role == role;

    /// <summary>
    /// The endpoint of <paramref name="bdb"/> without nodes that are down or leaving; when none is left, the nodes its
    /// policy picks now. <c>all-master-shards</c> also gains the nodes of new masters (never dropping a node still
    /// up, whose clients stay connected), so that the OSS Cluster API can send clients to each master's node. Null
    /// when nothing changes.
    /// </summary>
    public static PutEndpoint? RebindAwayFromLostNodes(ActionContext context, ClusterState state, BdbRecord bdb) =>
        RebindAwayFromLostNodes(state, bdb, uid => context.IsNodeAlive(uid));

    public static PutEndpoint? RebindAwayFromLostNodes(ClusterState state, BdbRecord bdb, Func<int, bool> isAlive)
    {
        bool Usable(int uid) => state.Nodes.GetValueOrDefault(uid)?.Status == NodeStatus.Active && isAlive(uid);
        foreach (var endpoint in state.EndpointsOf(bdb.Uid))
        {
            ValueList<int> nodes = bdb.ProxyPolicy switch
            {
                ProxyPolicy.AllNodes => ProxyPlacement.EndpointNodes(state, bdb, state.ShardsOf(bdb.Uid)).Where(Usable).ToValueList(),
                ProxyPolicy.AllMasterShards => endpoint.NodeUids.Union(ProxyPlacement.EndpointNodes(state, bdb, state.ShardsOf(bdb.Uid)))
                    .Where(Usable).Order().ToValueList(),
                _ => endpoint.NodeUids.Where(Usable).ToValueList(),
            };
            if (nodes.Count == 0)
            {
                nodes = ProxyPlacement.EndpointNodes(state, bdb, state.ShardsOf(bdb.Uid)).Where(Usable).ToValueList();
            }
            if (nodes.Count > 0 && !nodes.SequenceEqual(endpoint.NodeUids))
            {
                return new PutEndpoint { Endpoint = endpoint with { NodeUids = nodes } };
            }
        }
        return null;
    }

    /// <summary>
    /// Whether a master that nothing can replace may be started again as it is. Not when the database persists and
    /// the master does not write the files itself: its replica holds the data (e.g. every node restarted after a total
    /// outage and the replica's node is not back yet), and an empty master would make that replica resync to nothing.
    /// </summary>
    public static bool MayRestartAsItIs(ClusterState state, ShardRecord master) =>
        state.Bdbs.GetValueOrDefault(master.BdbUid) is not { } bdb ||
        bdb.DataPersistence == DataPersistence.Disabled ||
        Topology.ShardPersistence.Persists(bdb, master, state.ShardsOf(master.BdbUid));

    public static IReadOnlyList<int> ParseUids(string? csv) =>
        string.IsNullOrEmpty(csv) ? [] : csv.Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static string FormatUids(IEnumerable<int> uids) => string.Join(',', uids);
}
